package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UnusedServicePermissionsTest {

    static Instant daysAgo(int days) {
        return Fixtures.NOW.minusSeconds(86400L * days);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no access-advisor data", Scenarios.role(r -> r), none()),
                arguments("all used recently", Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1)).serviceAccess("logs", daysAgo(2))), none()),
                arguments("one never used by an old role", Scenarios.role(r -> r.serviceAccess("s3", daysAgo(1)).serviceAccess("sqs", null)),
                        finding("role 'fn-role' grants 1 service(s) unused for 90+ days: sqs")),
                arguments("used long ago", Scenarios.role(r -> r.serviceAccess("dynamodb", daysAgo(200)).serviceAccess("kms", null)),
                        finding("2 service(s) unused for 90+ days: dynamodb, kms")),
                arguments("never used by a new role", Scenarios.role(r -> r.created(daysAgo(10)).serviceAccess("sqs", null)), none()));
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
