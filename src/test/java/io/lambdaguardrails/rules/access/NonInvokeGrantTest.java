package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.SISTER;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NonInvokeGrantTest {

    static Consumer<FunctionBuilder> grant(String principal, String action) {
        return f -> f.policy(policy(allow("g", principal, action, null)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("GetFunction cross-account", grant(quoted(FOREIGN), quoted("lambda:GetFunction")), finding("lambda:GetFunction to " + FOREIGN + " (statement 'g')")),
                arguments("GetFunction to a sister account", grant("{\"AWS\":\"arn:aws:iam::" + SISTER + ":root\"}", quoted("lambda:GetFunction")), finding("lambda:GetFunction to " + SISTER)),
                arguments("lambda:* to a sister account", grant(quoted(SISTER), quoted("lambda:*")), finding("lambda:AddPermission, lambda:CreateAlias, lambda:CreateFunctionUrlConfig (+42 more) to " + SISTER)),
                arguments("lambda:Get* to a service", grant("{\"Service\":\"events.amazonaws.com\"}", quoted("lambda:Get*")), finding("grants more than invoke: lambda:GetAlias, lambda:GetFunction, lambda:GetFunctionCodeSigningConfig (+8 more) to events.amazonaws.com (statement 'g')")),
                arguments("* to anyone", grant(quoted("*"), quoted("*")), finding("(+42 more) to any AWS account")),
                arguments("NotAction", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        "{\"Sid\":\"n\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + FOREIGN + "\"},\"NotAction\":\"lambda:DeleteFunction\",\"Resource\":\"*\"}")),
                        finding("(+41 more) to " + FOREIGN)),
                arguments("mixed list names only the extra", grant(quoted(FOREIGN), "[\"lambda:InvokeFunction\",\"lambda:UpdateFunctionCode\"]"), finding("lambda:UpdateFunctionCode to")),
                arguments("invoke only", grant(quoted(FOREIGN), "[\"lambda:InvokeFunction\",\"lambda:InvokeAsync\",\"lambda:InvokeFunctionUrl\"]"), none()),
                arguments("Invoke* is invoke only", grant(quoted(FOREIGN), quoted("lambda:Invoke*")), none()),
                arguments("NotAction leaving only invoke", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        "{\"Effect\":\"Allow\",\"Principal\":\"" + FOREIGN + "\",\"NotAction\":[\"lambda:A*\",\"lambda:C*\",\"lambda:D*\",\"lambda:E*\",\"lambda:G*\",\"lambda:L*\",\"lambda:P*\",\"lambda:R*\",\"lambda:T*\",\"lambda:U*\"],\"Resource\":\"*\"}")),
                        none()),
                arguments("own account may do more", grant("{\"AWS\":\"arn:aws:iam::" + OWN + ":role/ops\"}", quoted("lambda:*")), none()),
                arguments("Principal * narrowed to our own account", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        allow("own", quoted("*"), quoted("lambda:GetFunction"), condition("StringEquals", "aws:PrincipalAccount", OWN)))), none()),
                arguments("Principal * narrowed to the organisation", (Consumer<FunctionBuilder>) f -> f.policy(policy(
                        allow("org", quoted("*"), quoted("lambda:GetFunction"), condition("StringEquals", "aws:PrincipalOrgID", "o-test")))), finding("lambda:GetFunction to o-test (statement 'org')")),
                arguments("non-Lambda action is not a grant on the function", grant(quoted(FOREIGN), quoted("s3:GetObject")), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsGrantsBeyondInvoke(String name, Consumer<FunctionBuilder> function, Expect expect) {
        expect.verify(RuleRun.run(new NonInvokeGrant(), Scenarios.inOrg(function)));
    }

    @Test
    void doesNotNeedTheOrganisation() {
        assertThat(RuleRun.run(new NonInvokeGrant(), Scenarios.orgUnavailable(grant(quoted(FOREIGN), quoted("lambda:GetFunction"))))).hasSize(1);
    }
}
