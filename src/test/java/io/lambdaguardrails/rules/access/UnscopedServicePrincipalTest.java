package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UnscopedServicePrincipalTest {

    static Consumer<FunctionBuilder> service(String service, String condition) {
        return f -> f.policy(policy(allow("svc", "{\"Service\":\"" + service + "\"}", quoted("lambda:InvokeFunction"), condition)));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("S3 without condition", service("s3.amazonaws.com", null), finding("'s3.amazonaws.com' (statement 'svc')")),
                arguments("S3 with only its bucket ARN", service("s3.amazonaws.com", condition("ArnLike", "AWS:SourceArn", "arn:aws:s3:::bucket")), finding("'s3.amazonaws.com'")),
                arguments("S3 with SourceAccount", service("s3.amazonaws.com", condition("StringEquals", "aws:SourceAccount", OWN)), none()),
                arguments("S3 with bucket ARN and SourceAccount", service("s3.amazonaws.com",
                        "{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::bucket\"},\"StringEquals\":{\"AWS:SourceAccount\":\"" + OWN + "\"}}"), none()),
                arguments("SNS with topic ARN", service("sns.amazonaws.com", condition("ArnLike", "AWS:SourceArn", "arn:aws:sns:us-east-1:" + OWN + ":topic")), none()),
                arguments("EventBridge with a wildcard account", service("events.amazonaws.com", condition("ArnLike", "aws:SourceArn", "arn:aws:events:us-east-1:*:rule/r")), finding("'events.amazonaws.com'")),
                arguments("SourceOrgID", service("sns.amazonaws.com", condition("StringEquals", "aws:SourceOrgID", "o-test")), none()),
                arguments("foreign SourceAccount is scoped (LG-ACC-004 reports it)", service("s3.amazonaws.com", condition("StringEquals", "aws:SourceAccount", FOREIGN)), none()),
                arguments("SourceAccount IfExists is no scope", service("s3.amazonaws.com", condition("StringEqualsIfExists", "aws:SourceAccount", OWN)), finding("'s3.amazonaws.com'")),
                arguments("a service's request has no PrincipalOrgID: the grant admits nobody", service("sqs.amazonaws.com", condition("StringEquals", "aws:PrincipalOrgID", "o-test")), none()),
                arguments("a condition on an unknown key leaves it depending on context", service("sqs.amazonaws.com", condition("IpAddress", "aws:SourceIp", "10.0.0.0/8")), finding("'sqs.amazonaws.com' (statement 'svc'), depending on aws:SourceIp")),
                arguments("Alexa with an event-source token", service("alexa-appkit.amazon.com", condition("StringEquals", "lambda:EventSourceToken", "amzn1.ask.skill.x")), none()),
                arguments("account principal", (Consumer<FunctionBuilder>) f -> f.policy(policy(allow("a", quoted(OWN), quoted("lambda:InvokeFunction"), null))), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void judgesServicePrincipals(String name, Consumer<FunctionBuilder> function, Expect expect) {
        expect.verify(RuleRun.run(new UnscopedServicePrincipal(), Scenarios.inOrg(function)));
    }
}
