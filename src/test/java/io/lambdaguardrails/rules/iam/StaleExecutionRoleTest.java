package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StaleExecutionRoleTest {

    static Instant daysAgo(int days) {
        return Fixtures.NOW.minusSeconds(86400L * days);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("used 10 days ago", daysAgo(400), daysAgo(10), none()),
                arguments("used 100 days ago", daysAgo(400), daysAgo(100), finding("role 'fn-role' was last used on 2026-08-20, 100 days ago")),
                arguments("never used, created 400 days ago", daysAgo(400), null, finding("has never been used since it was created on 2025-10-24")),
                arguments("never used, created 10 days ago", daysAgo(10), null, none()),
                arguments("never used, creation unknown", null, null, none()));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void judgesLastUse(String name, Instant created, Instant lastUsed, Expect expect) {
        expect.verify(RuleRun.run(new StaleExecutionRole(), Scenarios.role(r -> r.created(created).lastUsed(lastUsed))));
    }

    @Test
    void theWindowIsConfigurable() {
        Settings year = Settings.defaults().withIam(new Settings.IamSettings(false, 365, 90, List.of("logs")));
        assertThat(RuleRun.run(new StaleExecutionRole(), Scenarios.role(r -> r.lastUsed(daysAgo(100))), year)).isEmpty();
    }
}
