package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.org.NoUrlAuthGuardrailTest.member;
import static io.lambdaguardrails.rules.org.NoVpcGuardrailTest.deny;

class NoCodeSigningGuardrailTest {

    static final RuleTester RULE = RuleTester.of(new NoCodeSigningGuardrail());

    static final String CREATE = "\"lambda:CreateFunction\"";
    static final String CSC = "arn:aws:lambda:us-east-1:000000000000:code-signing-config:csc-0123456789abcdef0";

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("no guardrail", member(o -> { }), finding("acct-" + OWN, LOW, "denies functions without code signing; not denied: lambda:CreateFunction")),
                reportsNothing("Null config ARN", member(o -> o.scp("p-sig", deny(CREATE, "{\"Null\":{\"lambda:CodeSigningConfigArn\":\"true\"}}"), "r-root"))),
                reportsNothing("only the trusted config", member(o -> o.scp("p-sig", deny(CREATE, "{\"StringNotEquals\":{\"lambda:CodeSigningConfigArn\":\"" + CSC + "\"}}"), "r-root"))),
                reports("denies the trusted config instead", member(o -> o.scp("p-sig", deny(CREATE, "{\"StringEquals\":{\"lambda:CodeSigningConfigArn\":\"" + CSC + "\"}}"), "r-root")), finding("acct-" + OWN, LOW, "not denied: lambda:CreateFunction")),
                reports("an Allow is no guardrail", member(o -> o.scp("p-sig",
                        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:CreateFunction\",\"Resource\":\"*\",\"Condition\":{\"Null\":{\"lambda:CodeSigningConfigArn\":\"false\"}}}]}", "r-root")), finding("acct-" + OWN, LOW, "not denied")),
                reportsNothing("an allow-list SCP that never allows CreateFunction blocks it", member(o -> o.scp("p-allow",
                        NoUrlAuthGuardrailTest.allowList("[\"lambda:Invoke*\",\"lambda:UpdateFunctionCode\"]"), "ou-prod"))),
                reportsNothing("an allow-list SCP that allows CreateFunction only with a code-signing config blocks it unsigned", member(o -> o.scp("p-allow", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\","
                                + "\"Condition\":{\"StringEquals\":{\"lambda:CodeSigningConfigArn\":\"" + CSC + "\"}}}]}", "ou-prod"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void looksForACodeSigningGuardrail(RuleCase c) {
        RULE.check(c);
    }
}
