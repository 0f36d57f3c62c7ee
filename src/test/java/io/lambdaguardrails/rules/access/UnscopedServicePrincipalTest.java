package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.fixtures.Fixtures.FunctionBuilder;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.FOREIGN;
import static io.lambdaguardrails.rules.fixtures.Policies.OWN;
import static io.lambdaguardrails.rules.fixtures.Policies.allow;
import static io.lambdaguardrails.rules.fixtures.Policies.condition;
import static io.lambdaguardrails.rules.fixtures.Policies.policy;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.fixtures.Scenarios.inOrg;

class UnscopedServicePrincipalTest {

    static final RuleTester RULE = RuleTester.of(new UnscopedServicePrincipal());

    static Consumer<FunctionBuilder> service(String service, String condition) {
        return f -> f.policy(policy(allow("svc", "{\"Service\":\"" + service + "\"}", quoted("lambda:InvokeFunction"), condition)));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("S3 without condition", inOrg(service("s3.amazonaws.com", null)), finding("fn", MEDIUM, "'s3.amazonaws.com' (statement 'svc')")),
                reports("S3 with only its bucket ARN", inOrg(service("s3.amazonaws.com", condition("ArnLike", "AWS:SourceArn", "arn:aws:s3:::bucket"))), finding("fn", MEDIUM, "'s3.amazonaws.com'")),
                reportsNothing("S3 with SourceAccount", inOrg(service("s3.amazonaws.com", condition("StringEquals", "aws:SourceAccount", OWN)))),
                reportsNothing("S3 with bucket ARN and SourceAccount", inOrg(service("s3.amazonaws.com",
                        "{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::bucket\"},\"StringEquals\":{\"AWS:SourceAccount\":\"" + OWN + "\"}}"))),
                reportsNothing("SNS with topic ARN", inOrg(service("sns.amazonaws.com", condition("ArnLike", "AWS:SourceArn", "arn:aws:sns:us-east-1:" + OWN + ":topic")))),
                reports("EventBridge with a wildcard account", inOrg(service("events.amazonaws.com", condition("ArnLike", "aws:SourceArn", "arn:aws:events:us-east-1:*:rule/r"))), finding("fn", MEDIUM, "'events.amazonaws.com'")),
                reportsNothing("SourceOrgID", inOrg(service("sns.amazonaws.com", condition("StringEquals", "aws:SourceOrgID", "o-test")))),
                reportsNothing("foreign SourceAccount is scoped (LG-ACC-004 reports it)", inOrg(service("s3.amazonaws.com", condition("StringEquals", "aws:SourceAccount", FOREIGN)))),
                reports("SourceAccount IfExists is no scope", inOrg(service("s3.amazonaws.com", condition("StringEqualsIfExists", "aws:SourceAccount", OWN))), finding("fn", MEDIUM, "'s3.amazonaws.com'")),
                reportsNothing("a service's request has no PrincipalOrgID: the grant admits nobody", inOrg(service("sqs.amazonaws.com", condition("StringEquals", "aws:PrincipalOrgID", "o-test")))),
                reports("a condition on an unknown key leaves it depending on context", inOrg(service("sqs.amazonaws.com", condition("IpAddress", "aws:SourceIp", "10.0.0.0/8"))), finding("fn", MEDIUM, "'sqs.amazonaws.com' (statement 'svc'), depending on aws:SourceIp")),
                reportsNothing("Alexa with an event-source token", inOrg(service("alexa-appkit.amazon.com", condition("StringEquals", "lambda:EventSourceToken", "amzn1.ask.skill.x")))),
                reportsNothing("account principal", inOrg(f -> f.policy(policy(allow("a", quoted(OWN), quoted("lambda:InvokeFunction"), null))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesServicePrincipals(RuleCase c) {
        RULE.check(c);
    }
}
