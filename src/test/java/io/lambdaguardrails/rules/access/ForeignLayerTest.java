package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.OrgView;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;
import static org.assertj.core.api.Assertions.assertThat;

class ForeignLayerTest {

    static final RuleTester RULE = RuleTester.of(new ForeignLayer());

    /** The account AWS publishes the Lambda Insights extension from. */
    static final String AWS_PUBLISHER = "580247275435";
    static final Settings TRUST_AWS = RuleSettings.yaml("layers: {trustedAccounts: [\"" + AWS_PUBLISHER + "\"]}");

    static String layer(String account, String name) {
        return "arn:aws:lambda:us-east-1:" + account + ":layer:" + name + ":3";
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("foreign layer", inOrg(f -> f.layer(layer(FOREIGN, "shady"))), finding("fn", MEDIUM, "layer 'shady' of " + FOREIGN)),
                reportsNothing("AWS-published layer listed as trusted", inOrg(f -> f.layer(layer(AWS_PUBLISHER, "LambdaInsightsExtension")))),
                reportsNothing("own layer", inOrg(f -> f.layer(layer(OWN, "common")))),
                reportsNothing("sister account's layer", inOrg(f -> f.layer(layer(SISTER, "shared")))),
                reportsNothing("unparseable ARN", inOrg(f -> f.layer("not-an-arn"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesLayerOwners(RuleCase c) {
        RULE.check(c.under(TRUST_AWS));
    }

    @Test
    void untrustedAwsPublisherIsForeign() {
        var v = RULE.run(inOrg(f -> f.layer(layer(AWS_PUBLISHER, "LambdaInsightsExtension"))));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.related()).containsExactly(layer(AWS_PUBLISHER, "LambdaInsightsExtension")));
    }

    @Test
    void listsEveryForeignLayerInOneFinding() {
        var v = RULE.run(inOrg(f -> f.layer(layer(FOREIGN, "a")).layer(layer(OWN, "b")).layer(layer(FOREIGN, "c"))));
        assertThat(v).singleElement().satisfies(x -> assertThat(x.detail()).contains("'a' of " + FOREIGN + ", layer 'c' of " + FOREIGN));
    }

    @Test
    void isNotEvaluatedWhenTheOrganisationIsUnknownAndSaysSo() {
        assertThat(RULE.run(Scenarios.orgUnavailable(f -> f.layer(layer(FOREIGN, "x"))))).isEmpty();
        assertThat(RULE.notEvaluated(Scenarios.orgUnavailable(f -> f.layer(layer(FOREIGN, "x")).layer(layer(OWN, "common")))))
                .containsExactly(new NotEvaluated(ForeignLayer.META.id(), OWN, Fixtures.REGION,
                        OrgView.NOT_KNOWN + "layer 'x' of " + FOREIGN + " (function 'fn')"));
        assertThat(RULE.notEvaluated(Scenarios.orgUnavailable(f -> f.layer(layer(OWN, "common"))))).as("own layers only").isEmpty();
        assertThat(RULE.notEvaluated(inOrg(f -> f.layer(layer(FOREIGN, "x"))))).as("the organisation known").isEmpty();
        Settings trustedOrg = RuleSettings.yaml("org: {trustedAccounts: [\"" + SISTER + "\"]}");
        assertThat(RULE.run(Scenarios.orgUnavailable(f -> f.layer(layer(FOREIGN, "x"))), trustedOrg)).hasSize(1);
        assertThat(RULE.notEvaluated(Scenarios.orgUnavailable(f -> f.layer(layer(FOREIGN, "x"))), trustedOrg)).isEmpty();
    }
}
