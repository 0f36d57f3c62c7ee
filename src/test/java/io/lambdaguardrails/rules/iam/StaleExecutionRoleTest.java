package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.assertj.core.api.Assertions.assertThat;

class StaleExecutionRoleTest {

    static final RuleTester RULE = RuleTester.of(new StaleExecutionRole());

    static Instant daysAgo(int days) {
        return Fixtures.NOW.minusSeconds(86400L * days);
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                reportsNothing("used 10 days ago", Scenarios.role(r -> r.created(daysAgo(400)).lastUsed(daysAgo(10)))),
                reports("used 100 days ago", Scenarios.role(r -> r.created(daysAgo(400)).lastUsed(daysAgo(100))), finding("fn", LOW, "role 'fn-role' was last used on 2026-08-20, 100 days ago")),
                reports("never used, created 400 days ago", Scenarios.role(r -> r.created(daysAgo(400)).lastUsed(null)), finding("fn", LOW, "has never been used since it was created on 2025-10-24")),
                reportsNothing("never used, created 10 days ago", Scenarios.role(r -> r.created(daysAgo(10)).lastUsed(null))),
                reportsNothing("never used, creation unknown", Scenarios.role(r -> r.created(null).lastUsed(null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesLastUse(RuleCase c) {
        RULE.check(c);
    }

    @Test
    void theWindowIsConfigurable() {
        Settings year = RuleSettings.yaml("iam: {staleDays: 365}");
        assertThat(RULE.run(Scenarios.role(r -> r.lastUsed(daysAgo(100))), year)).isEmpty();
    }
}
