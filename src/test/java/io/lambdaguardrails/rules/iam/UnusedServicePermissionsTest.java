package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.Policies;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class UnusedServicePermissionsTest {

    static final RuleTester RULE = RuleTester.of(new UnusedServicePermissions());

    static Instant daysAgo(int days) {
        return Fixtures.NOW.minusSeconds(86400L * days);
    }

    static final String QUEUE = "arn:aws:sqs:us-east-1:" + Policies.OWN + ":jobs";
    static final String POLLER = identity("[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"]", quoted(QUEUE));

    /** {@code fn}, shaped by {@code function}, whose role has {@code policy} and has not used SQS for 200 days. */
    static Snapshot withQueue(String policy, Consumer<Fixtures.FunctionBuilder> function) {
        return Fixtures.org(o -> o.account(Policies.OWN, a -> a
                .role("fn-role", r -> r.inline("p", policy).serviceAccess("sqs", daysAgo(200)))
                .region(Fixtures.REGION, r -> r.function("fn", function))));
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reportsNothing("no access-advisor data", Scenarios.role(r -> r)),
                reportsNothing("all used recently", Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1)).serviceAccess("logs", daysAgo(2)))),
                reports("one never used by an old role", Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1)).serviceAccess("sqs", null)), finding("fn", MEDIUM, "role 'fn-role' grants 1 service(s) unused for 90+ days: sqs")),
                reports("used long ago", Scenarios.role(r -> r.serviceAccess("dynamodb", daysAgo(200)).serviceAccess("kms", null)), finding("fn", MEDIUM, "2 service(s) unused for 90+ days: dynamodb, kms")),
                reportsNothing("never used by a new role", Scenarios.role(r -> r.created(daysAgo(10)).serviceAccess("sqs", null))),
                reportsNothing("a role with only the SQS poller's permissions for its queue is not code usage of SQS", withQueue(POLLER, f -> f.eventSource(QUEUE))),
                reports("SQS grants beyond the poller's are still the code's", withQueue(identity("[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:SendMessage\"]", quoted(QUEUE)), f -> f.eventSource(QUEUE)), finding("fn", MEDIUM, "unused for 90+ days: sqs")),
                reports("sqs:* is more than the poller needs", withQueue(identity(quoted("sqs:*"), quoted(QUEUE)), f -> f.eventSource(QUEUE)), finding("fn", MEDIUM, "unused for 90+ days: sqs")),
                reports("poller permissions without an event source mapping are unused", withQueue(POLLER, f -> { }), finding("fn", MEDIUM, "unused for 90+ days: sqs")),
                reportsNothing("event sources not read: poller permissions are not judged", withQueue(POLLER, f -> f.notCollected(LambdaFunction.Part.EVENT_SOURCES))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsUnusedServices(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void saysWhenAccessAdvisorDataWasNotRead() {
        assertThat(RULE.notEvaluated(Scenarios.role(r -> r))).containsExactly(new NotEvaluated(UnusedServicePermissions.META.id(),
                Policies.OWN, Fixtures.REGION, "not read: access advisor data of role 'fn-role' (function 'fn')"));
        assertThat(RULE.notEvaluated(Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1))))).isEmpty();
    }

    @Test
    void isOffByDefault() {
        assertThat(UnusedServicePermissions.META.enabledByDefault()).isFalse();
    }
}
