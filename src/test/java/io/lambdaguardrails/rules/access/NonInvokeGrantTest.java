package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;
import static org.assertj.core.api.Assertions.assertThat;

class NonInvokeGrantTest {

    static final RuleTester RULE = RuleTester.of(new NonInvokeGrant());

    static Consumer<FunctionBuilder> grant(String principal, String action) {
        return f -> f.policy(policy(allow("g", principal, action, null)));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("GetFunction cross-account", inOrg(grant(quoted(FOREIGN), quoted("lambda:GetFunction"))), finding("fn", HIGH, "lambda:GetFunction to " + FOREIGN + " (statement 'g')")),
                reports("GetFunction to a sister account", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + SISTER + ":root\"}", quoted("lambda:GetFunction"))), finding("fn", HIGH, "lambda:GetFunction to " + SISTER)),
                reports("lambda:* to a sister account", inOrg(grant(quoted(SISTER), quoted("lambda:*"))), finding("fn", HIGH, "lambda:AddPermission, lambda:CreateAlias, lambda:CreateFunctionUrlConfig (+42 more) to " + SISTER)),
                reports("lambda:Get* to a service", inOrg(grant("{\"Service\":\"events.amazonaws.com\"}", quoted("lambda:Get*"))), finding("fn", HIGH, "grants more than invoke: lambda:GetAlias, lambda:GetFunction, lambda:GetFunctionCodeSigningConfig (+8 more) to events.amazonaws.com (statement 'g')")),
                reports("* to anyone", inOrg(grant(quoted("*"), quoted("*"))), finding("fn", HIGH, "(+42 more) to any AWS account")),
                reports("NotAction", inOrg(f -> f.policy(policy(
                        "{\"Sid\":\"n\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"NotAction\":\"lambda:DeleteFunction\",\"Resource\":\"*\"}"))), finding("fn", HIGH, "(+41 more) to " + FOREIGN)),
                reports("mixed list names only the extra", inOrg(grant(quoted(FOREIGN), "[\"lambda:InvokeFunction\",\"lambda:UpdateFunctionCode\"]")), finding("fn", HIGH, "lambda:UpdateFunctionCode to")),
                reportsNothing("invoke only", inOrg(grant(quoted(FOREIGN), "[\"lambda:InvokeFunction\",\"lambda:InvokeAsync\",\"lambda:InvokeFunctionUrl\"]"))),
                reportsNothing("Invoke* is invoke only", inOrg(grant(quoted(FOREIGN), quoted("lambda:Invoke*")))),
                reportsNothing("NotAction leaving only invoke", inOrg(f -> f.policy(policy(
                        "{\"Effect\":\"Allow\",\"Principal\":\"" + FOREIGN + "\",\"NotAction\":[\"lambda:A*\",\"lambda:C*\",\"lambda:D*\",\"lambda:E*\",\"lambda:G*\",\"lambda:L*\",\"lambda:P*\",\"lambda:R*\",\"lambda:T*\",\"lambda:U*\"],\"Resource\":\"*\"}")))),
                reportsNothing("own account may do more", inOrg(grant("{\"AWS\":\"arn:aws:iam::" + OWN + ":role/ops\"}", quoted("lambda:*")))),
                reportsNothing("Principal * narrowed to our own account", inOrg(f -> f.policy(policy(
                        allow("own", quoted("*"), quoted("lambda:GetFunction"), condition("StringEquals", "aws:PrincipalAccount", OWN)))))),
                reports("Principal * narrowed to the organisation", inOrg(f -> f.policy(policy(
                        allow("org", quoted("*"), quoted("lambda:GetFunction"), condition("StringEquals", "aws:PrincipalOrgID", "o-test"))))), finding("fn", HIGH, "lambda:GetFunction to o-test (statement 'org')")),
                reportsNothing("non-Lambda action is not a grant on the function", inOrg(grant(quoted(FOREIGN), quoted("s3:GetObject")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsGrantsBeyondInvoke(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void doesNotNeedTheOrganisation() {
        assertThat(RULE.run(Scenarios.orgUnavailable(grant(quoted(FOREIGN), quoted("lambda:GetFunction"))))).hasSize(1);
    }
}
