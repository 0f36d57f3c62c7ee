package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ForeignLayerTest {

    /** The account AWS publishes the Lambda Insights extension from. */
    static final String AWS_PUBLISHER = "580247275435";
    static final Settings TRUST_AWS = Settings.defaults().withLayers(new Settings.LayerSettings(List.of(AWS_PUBLISHER)));

    static String layer(String account, String name) {
        return "arn:aws:lambda:us-east-1:" + account + ":layer:" + name + ":3";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("foreign layer", layer(FOREIGN, "shady"), finding("layer 'shady' of " + FOREIGN)),
                arguments("AWS-published layer listed as trusted", layer(AWS_PUBLISHER, "LambdaInsightsExtension"), none()),
                arguments("own layer", layer(OWN, "common"), none()),
                arguments("sister account's layer", layer(SISTER, "shared"), none()),
                arguments("unparseable ARN", "not-an-arn", none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void judgesLayerOwners(String name, String layerArn, Expect expect) {
        Consumer<FunctionBuilder> function = f -> f.layer(layerArn);
        expect.verify(RuleRun.run(new ForeignLayer(), Scenarios.inOrg(function), TRUST_AWS));
    }

    @Test
    void untrustedAwsPublisherIsForeign() {
        var v = RuleRun.run(new ForeignLayer(), Scenarios.inOrg(f -> f.layer(layer(AWS_PUBLISHER, "LambdaInsightsExtension"))));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.related()).containsExactly(layer(AWS_PUBLISHER, "LambdaInsightsExtension")));
    }

    @Test
    void listsEveryForeignLayerInOneFinding() {
        var v = RuleRun.run(new ForeignLayer(), Scenarios.inOrg(f -> f.layer(layer(FOREIGN, "a")).layer(layer(OWN, "b")).layer(layer(FOREIGN, "c"))));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.detail()).contains("'a' of " + FOREIGN + ", layer 'c' of " + FOREIGN));
    }

    @Test
    void isNotEvaluatedWhenTheOrganisationIsUnknown() {
        assertThat(RuleRun.run(new ForeignLayer(), Scenarios.orgUnavailable(f -> f.layer(layer(FOREIGN, "x"))))).isEmpty();
        Settings trustedOrg = Settings.defaults().withOrg(new Settings.OrgSettings(List.of(SISTER)));
        assertThat(RuleRun.run(new ForeignLayer(), Scenarios.orgUnavailable(f -> f.layer(layer(FOREIGN, "x"))), trustedOrg)).hasSize(1);
    }
}
