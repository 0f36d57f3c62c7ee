package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.org.NoUrlAuthGuardrailTest.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NoVpcGuardrailTest {

    static final Settings REQUIRE_VPC = Settings.defaults().withNetwork(new Settings.NetworkSettings(true, 2, false));
    static final String BOTH = "[\"lambda:CreateFunction\",\"lambda:UpdateFunctionConfiguration\"]";

    static String deny(String actions, String condition) {
        return "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":" + actions + ",\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no guardrail", member(o -> { }), finding("denies functions without VPC attachment; not denied: lambda:CreateFunction, lambda:UpdateFunctionConfiguration")),
                arguments("Null lambda:VpcIds", member(o -> o.scp("p-vpc", deny(BOTH, "{\"Null\":{\"lambda:VpcIds\":\"true\"}}"), "r-root")), none()),
                arguments("approved subnets only", member(o -> o.scp("p-vpc", deny(BOTH, "{\"ForAllValues:StringNotEquals\":{\"lambda:SubnetIds\":[\"subnet-1\",\"subnet-2\"]}}"), "ou-prod")), none()),
                arguments("create only", member(o -> o.scp("p-vpc", deny("\"lambda:CreateFunction\"", "{\"Null\":{\"lambda:VpcIds\":\"true\"}}"), "r-root")),
                        finding("not denied: lambda:UpdateFunctionConfiguration")),
                arguments("an OU allow-list SCP that allows lambda:* only with lambda:VpcIds blocks functions without a VPC",
                        member(o -> o.scp("p-allow", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\","
                                + "\"Condition\":{\"Null\":{\"lambda:VpcIds\":\"false\"}}}]}", "ou-prod")), none()),
                arguments("denies the opposite", member(o -> o.scp("p-vpc", deny(BOTH, "{\"Null\":{\"lambda:VpcIds\":\"false\"}}"), "r-root")), finding("not denied")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void looksForAVpcGuardrail(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new NoVpcGuardrail(), snapshot, REQUIRE_VPC));
    }

    @Test
    void isEvaluatedOnlyWhenVpcAttachmentIsRequired() {
        assertThat(RuleRun.run(new NoVpcGuardrail(), member(o -> { }))).isEmpty();
    }
}
