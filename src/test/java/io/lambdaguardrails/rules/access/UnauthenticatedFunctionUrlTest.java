package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
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
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UnauthenticatedFunctionUrlTest {

    static final String URL_POLICY = policy(allow("FunctionURLAllowPublicAccess", quoted("*"), quoted("lambda:InvokeFunctionUrl"),
            condition("StringEquals", "lambda:FunctionUrlAuthType", "NONE")));

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("AuthType NONE, no policy", (Consumer<FunctionBuilder>) f -> f.url("NONE"),
                        finding("function URL has AuthType NONE")),
                arguments("AuthType NONE opened to anyone", (Consumer<FunctionBuilder>) f -> f.url("NONE").policy(URL_POLICY),
                        finding("lets anyone call it (statement 'FunctionURLAllowPublicAccess')").severity(Severity.CRITICAL)),
                arguments("AuthType NONE with lambda:* to anyone", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("all", quoted("*"), quoted("lambda:*"), null))), finding("'all'").severity(Severity.CRITICAL)),
                arguments("AuthType NONE, public statement narrowed to our account", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("mine", quoted("*"), quoted("lambda:InvokeFunctionUrl"),
                                condition("StringEquals", "aws:PrincipalAccount", OWN)))), finding("AuthType NONE")),
                arguments("AuthType NONE, only invoke granted publicly", (Consumer<FunctionBuilder>) f -> f.url("NONE")
                        .policy(policy(allow("inv", quoted("*"), quoted("lambda:InvokeFunction"), null))), finding("AuthType NONE")),
                arguments("AuthType NONE, policy unreadable", (Consumer<FunctionBuilder>) f -> f.url("NONE").policy(URL_POLICY)
                        .notCollected(LambdaFunction.Part.RESOURCE_POLICY), finding("AuthType NONE")),
                arguments("AuthType AWS_IAM", (Consumer<FunctionBuilder>) f -> f.url("AWS_IAM").policy(URL_POLICY), none()),
                arguments("no URL", (Consumer<FunctionBuilder>) f -> f.policy(URL_POLICY), none()),
                arguments("URL not collected", (Consumer<FunctionBuilder>) f -> f.url("NONE").notCollected(LambdaFunction.Part.URL), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void judgesTheUrlAuthType(String name, Consumer<FunctionBuilder> function, Expect expect) {
        expect.verify(RuleRun.run(new UnauthenticatedFunctionUrl(), Scenarios.inOrg(function)));
    }

    @Test
    void namesTheOpeningStatementsAsRelated() {
        var v = RuleRun.run(new UnauthenticatedFunctionUrl(), Scenarios.inOrg(f -> f.url("NONE").policy(policy(
                allow("a", quoted("*"), quoted("lambda:InvokeFunctionUrl"), null),
                "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"lambda:*\"}")))).getFirst();
        assertThat(v.related()).containsExactly("a", "#2");
        assertThat(v.detail()).endsWith("(statement 'a', statement #2)");
    }
}
