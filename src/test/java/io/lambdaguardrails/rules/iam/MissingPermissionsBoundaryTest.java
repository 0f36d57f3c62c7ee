package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Expect;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.Scenarios;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.Expect.none;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MissingPermissionsBoundaryTest {

    static final Settings REQUIRED = Settings.defaults().withIam(new Settings.IamSettings(true, 90, 90, List.of("logs")));

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no boundary, advisory", null, Settings.defaults(), finding("role 'fn-role' has no permissions boundary")),
                arguments("no boundary, required", null, REQUIRED, finding("has no permissions boundary").severity(Severity.HIGH)),
                arguments("boundary attached", "arn:aws:iam::111111111111:policy/boundary", REQUIRED, none()));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void gradesByTheRequireBoundarySetting(String name, String boundary, Settings settings, Expect expect) {
        expect.verify(RuleRun.run(new MissingPermissionsBoundary(), Scenarios.role(r -> r.boundary(boundary)), settings));
    }
}
