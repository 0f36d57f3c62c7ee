package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.org.NoUrlAuthGuardrailTest.member;
import static org.assertj.core.api.Assertions.assertThat;

class NoVpcGuardrailTest {

    static final RuleTester RULE = RuleTester.of(new NoVpcGuardrail());

    static final Settings REQUIRE_VPC = RuleSettings.yaml("network: {requireVpc: true}");
    static final String BOTH = "[\"lambda:CreateFunction\",\"lambda:UpdateFunctionConfiguration\"]";

    static String deny(String actions, String condition) {
        return "{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":" + actions + ",\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("no guardrail", member(o -> { }), finding("acct-" + OWN, LOW, "denies functions without VPC attachment; not denied: lambda:CreateFunction, lambda:UpdateFunctionConfiguration")),
                reportsNothing("Null lambda:VpcIds", member(o -> o.scp("p-vpc", deny(BOTH, "{\"Null\":{\"lambda:VpcIds\":\"true\"}}"), "r-root"))),
                reportsNothing("approved subnets only", member(o -> o.scp("p-vpc", deny(BOTH, "{\"ForAllValues:StringNotEquals\":{\"lambda:SubnetIds\":[\"subnet-1\",\"subnet-2\"]}}"), "ou-prod"))),
                reports("create only", member(o -> o.scp("p-vpc", deny("\"lambda:CreateFunction\"", "{\"Null\":{\"lambda:VpcIds\":\"true\"}}"), "r-root")), finding("acct-" + OWN, LOW, "not denied: lambda:UpdateFunctionConfiguration")),
                reportsNothing("an OU allow-list SCP that allows lambda:* only with lambda:VpcIds blocks functions without a VPC", member(o -> o.scp("p-allow", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\","
                                + "\"Condition\":{\"Null\":{\"lambda:VpcIds\":\"false\"}}}]}", "ou-prod"))),
                reports("denies the opposite", member(o -> o.scp("p-vpc", deny(BOTH, "{\"Null\":{\"lambda:VpcIds\":\"false\"}}"), "r-root")), finding("acct-" + OWN, LOW, "not denied")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void looksForAVpcGuardrail(RuleCase c) {
        RULE.check(c.under(REQUIRE_VPC));
    }

    @Test
    void isEvaluatedOnlyWhenVpcAttachmentIsRequired() {
        assertThat(RULE.run(member(o -> { }))).isEmpty();
    }
}
