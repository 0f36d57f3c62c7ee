package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;

class MissingPermissionsBoundaryTest {

    static final RuleTester RULE = RuleTester.of(new MissingPermissionsBoundary());
    static final Settings REQUIRED = RuleSettings.yaml("iam: {requireBoundary: true}");

    static Stream<RuleCase> cases() {
        return Stream.of(
                reports("no boundary, advisory", Scenarios.role(r -> r.boundary(null)), finding("fn", LOW, "role 'fn-role' has no permissions boundary")),
                reports("no boundary, required", Scenarios.role(r -> r.boundary(null)), finding("fn", HIGH, "has no permissions boundary")).under(REQUIRED),
                reportsNothing("boundary attached", Scenarios.role(r -> r.boundary("arn:aws:iam::111111111111:policy/boundary"))).under(REQUIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradesByTheRequireBoundarySetting(RuleCase c) {
        RULE.check(c);
    }
}
