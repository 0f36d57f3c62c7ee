package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.CRITICAL;
import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.publicUrl;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;
import static org.assertj.core.api.Assertions.assertThat;

class UnauthenticatedFunctionUrlTest {

    static final RuleTester RULE = RuleTester.of(new UnauthenticatedFunctionUrl());

    static final String URL_POLICY = policy(publicUrl("fn"));

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("AuthType NONE, no policy", inOrg(f -> f.url("NONE")), finding("fn", HIGH, "function URL has AuthType NONE")),
                reports("AuthType NONE opened to anyone", inOrg(f -> f.url("NONE").policy(URL_POLICY)), finding("fn", CRITICAL, "lets anyone call it (statement 'url', statement 'via')")),
                reports("AuthType NONE, only InvokeFunctionUrl granted publicly: AWS refuses the call", inOrg(f -> f.url("NONE")
                        .policy(policy(publicUrl("fn")[0]))), finding("fn", HIGH, "function URL has AuthType NONE")),
                reports("AuthType NONE, InvokeFunction denied to anyone", inOrg(f -> f.url("NONE")
                        .policy(policy(publicUrl("fn")[0], publicUrl("fn")[1], "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\"}"))), finding("fn", HIGH, "function URL has AuthType NONE")),
                reports("AuthType NONE with lambda:* to anyone", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("all", quoted("*"), quoted("lambda:*"), null)))), finding("fn", CRITICAL, "'all'")),
                reports("AuthType NONE, public statement narrowed to our account", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("mine", quoted("*"), quoted("lambda:InvokeFunctionUrl"),
                                condition("StringEquals", "aws:PrincipalAccount", OWN))))), finding("fn", HIGH, "AuthType NONE")),
                reports("AuthType NONE, only invoke granted publicly", inOrg(f -> f.url("NONE")
                        .policy(policy(allow("inv", quoted("*"), quoted("lambda:InvokeFunction"), null)))), finding("fn", HIGH, "AuthType NONE")),
                reports("AuthType NONE, policy unreadable", inOrg(f -> f.url("NONE").policy(URL_POLICY)
                        .notCollected(LambdaFunction.Part.RESOURCE_POLICY)), finding("fn", HIGH, "AuthType NONE")),
                reportsNothing("AuthType AWS_IAM", inOrg(f -> f.url("AWS_IAM").policy(URL_POLICY))),
                reportsNothing("no URL", inOrg(f -> f.policy(URL_POLICY))),
                reportsNothing("URL not collected", inOrg(f -> f.url("NONE").notCollected(LambdaFunction.Part.URL))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesTheUrlAuthType(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void namesTheOpeningStatementsAsRelated() {
        var v = RULE.run(inOrg(f -> f.url("NONE").policy(policy(
                allow("a", quoted("*"), quoted("lambda:InvokeFunctionUrl"), null),
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"lambda:*\"}")))).getFirst();
        assertThat(v.related()).containsExactly("a", "#2");
        assertThat(v.detail()).endsWith("(statement 'a', statement #2)");
    }
}
