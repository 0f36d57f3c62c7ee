package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Policies;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static io.lambdaguardrails.rules.fixtures.Policies.identity;
import static io.lambdaguardrails.rules.fixtures.Policies.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UnusedServicePermissionsTest {

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

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no access-advisor data", Scenarios.role(r -> r), none()),
                arguments("all used recently", Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1)).serviceAccess("logs", daysAgo(2))), none()),
                arguments("one never used by an old role", Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1)).serviceAccess("sqs", null)),
                        finding("role 'fn-role' grants 1 service(s) unused for 90+ days: sqs")),
                arguments("used long ago", Scenarios.role(r -> r.serviceAccess("dynamodb", daysAgo(200)).serviceAccess("kms", null)),
                        finding("2 service(s) unused for 90+ days: dynamodb, kms")),
                arguments("never used by a new role", Scenarios.role(r -> r.created(daysAgo(10)).serviceAccess("sqs", null)), none()),
                arguments("a role with only the SQS poller's permissions for its queue is not code usage of SQS",
                        withQueue(POLLER, f -> f.eventSource(QUEUE)), none()),
                arguments("SQS grants beyond the poller's are still the code's",
                        withQueue(identity("[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:SendMessage\"]", quoted(QUEUE)), f -> f.eventSource(QUEUE)),
                        finding("unused for 90+ days: sqs")),
                arguments("sqs:* is more than the poller needs", withQueue(identity(quoted("sqs:*"), quoted(QUEUE)), f -> f.eventSource(QUEUE)),
                        finding("unused for 90+ days: sqs")),
                arguments("poller permissions without an event source mapping are unused", withQueue(POLLER, f -> { }),
                        finding("unused for 90+ days: sqs")),
                arguments("event sources not read: poller permissions are not judged",
                        withQueue(POLLER, f -> f.notCollected(LambdaFunction.Part.EVENT_SOURCES)), none()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void findsUnusedServices(String name, Snapshot snapshot, Expect expect) {
        expect.verify(RuleRun.run(new UnusedServicePermissions(), snapshot));
    }

    @Test
    void isOffByDefault() {
        assertThat(UnusedServicePermissions.META.enabledByDefault()).isFalse();
    }
}
