package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LG-NET-007 judges what the execution role may effectively do, not what its policies spell: the standard layout
 * has endpoints for S3 and Secrets Manager only, so each case is about whether the role may use KMS, SQS, SNS or
 * DynamoDB once its boundary, explicit Denies, SCPs and event sources are taken into account.
 */
class MissingVpcEndpointTest {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:111111111111:orders";

    static Stream<RuleCase> cases() {
        return Stream.of(
                reportsNothing("an explicit Deny cancels the only KMS grant", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"},
                                          {"Effect":"Deny","Action":"kms:*","Resource":"*"}]}""";
                    return l;
                })),
                reports("a Deny of one KMS action leaves the rest of kms:*", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"},
                                          {"Effect":"Deny","Action":"kms:Decrypt","Resource":"*"}]}""";
                    return l;
                }), finding("fn", LOW, "may use kms but")),
                reportsNothing("the boundary caps Action * to S3 and Secrets Manager", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""";
                    l.boundary = """
                            {"Statement":{"Effect":"Allow","Action":["s3:*","secretsmanager:*"],"Resource":"*"}}""";
                    return l;
                })),
                reports("the boundary leaves KMS within Action *", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""";
                    l.boundary = """
                            {"Statement":{"Effect":"Allow","Action":["s3:*","kms:*"],"Resource":"*"}}""";
                    return l;
                }), finding("fn", LOW, "may use kms but")),
                reportsNothing("an SCP denies KMS and SNS", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":["kms:Decrypt","sns:Publish"],"Resource":"*"}}""";
                    l.rootScps = List.of("""
                            {"Statement":{"Effect":"Deny","Action":["kms:*","sns:*"],"Resource":"*"}}""");
                    return l;
                })),
                reports("an SCP denies SNS only", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":["kms:Decrypt","sns:Publish"],"Resource":"*"}}""";
                    l.rootScps = List.of("""
                            {"Statement":{"Effect":"Deny","Action":"sns:*","Resource":"*"}}""");
                    return l;
                }), finding("fn", LOW, "may use kms but")),
                reportsNothing("the poller's SQS actions for the function's queue are not the code's", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage",
                             "sqs:GetQueueAttributes"],"Resource":"%s"}}""".formatted(QUEUE);
                    l.eventSources = List.of(QUEUE);
                    return l;
                })),
                reports("the same SQS actions without an SQS event source are the code's", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:DeleteMessage",
                             "sqs:GetQueueAttributes"],"Resource":"%s"}}""".formatted(QUEUE);
                    return l;
                }), finding("fn", LOW, "may use sqs but")),
                reports("sending to the polled queue is the code's", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":{"Effect":"Allow","Action":["sqs:ReceiveMessage","sqs:SendMessage"],
                             "Resource":"%s"}}""".formatted(QUEUE);
                    l.eventSources = List.of(QUEUE);
                    return l;
                }), finding("fn", LOW, "may use sqs but")),
                reports("a wildcard within a service is judged on an action it covers", layout(l -> {
                    l.rolePolicy = """
                            {"Statement":[{"Effect":"Allow","Action":"dynamodb:Get*","Resource":"*"},
                                          {"Effect":"Deny","Action":"dynamodb:GetItem","Resource":"*"}]}""";
                    return l;
                }), finding("fn", LOW, "may use dynamodb but")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesWhatTheRoleMayEffectivelyUse(RuleCase c) {
        RuleTester.of(new MissingVpcEndpoint()).check(c);
    }

    @Test
    void namesTheRoleDocumentItCouldNotRead() {
        RuleTester rule = RuleTester.of(new MissingVpcEndpoint());
        Snapshot unreadable = layout(l -> {
            l.rolePolicy = "not json";
            return l;
        });
        assertThat(rule.notEvaluated(unreadable)).containsExactly(new NotEvaluated("LG-NET-007", "111111111111", "us-east-1",
                "not read: inline policy 'app' (does not parse) of role 'fn-role' (function 'fn')"));
        assertThat(rule.notEvaluated(unreadable, RuleSettings.yaml("network: {centralEndpoints: true}")))
                .as("endpoints live in a hub VPC: nothing to judge").isEmpty();
        assertThat(rule.notEvaluated(layout(l -> l))).isEmpty();
    }

    private static Snapshot layout(UnaryOperator<VpcLayout> change) {
        return VpcLayout.standard().with(change).snapshot();
    }
}
