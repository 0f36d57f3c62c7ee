package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.CRITICAL;
import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RuntimeRulesTest {

    private static final Settings WARN_30_DAYS = RuleSettings.yaml("runtime: {warnDays: 30}");

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-RUN-001
                arguments(new SecretInEnvironment(), reports("RUN-001 flagged variable", Fixtures.oneFunction(f -> f.env("STAGE", 4).secretEnv("DB_PASSWORD", "high-entropy")), finding("fn", CRITICAL, "DB_PASSWORD (high-entropy, fingerprint fp-DB_PASSWORD)"))),
                arguments(new SecretInEnvironment(), reports("RUN-001 two flagged variables: one finding", Fixtures.oneFunction(f -> f.secretEnv("GH", "github-token").secretEnv("KEY", "aws-access-key-id")), finding("fn", CRITICAL, "GH (github-token, fingerprint fp-GH); KEY (aws-access-key-id"))),
                arguments(new SecretInEnvironment(), reportsNothing("RUN-001 ordinary variables", Fixtures.oneFunction(f -> f.env("STAGE", 4).env("TABLE_NAME", 12)))),
                arguments(new SecretInEnvironment(), reportsNothing("RUN-001 secret in a tag is not an environment secret", Fixtures.oneFunction(f -> f.secretIn("tag:note", "jwt")))),

                // LG-RUN-002
                arguments(new SecretInTagsOrDescription(), reports("RUN-002 secret in a tag", Fixtures.oneFunction(f -> f.secretIn("tag:deploy", "github-token")), finding("fn", MEDIUM, "tag:deploy (github-token, fingerprint fp-tag:deploy)"))),
                arguments(new SecretInTagsOrDescription(), reports("RUN-002 secret in the description", Fixtures.oneFunction(f -> f.secretIn("description", "url-password")), finding("fn", MEDIUM, "description (url-password"))),
                arguments(new SecretInTagsOrDescription(), reportsNothing("RUN-002 environment secrets belong to RUN-001", Fixtures.oneFunction(f -> f.secretEnv("DB_PASSWORD", "high-entropy")))),

                // LG-RUN-003 (today is 2026-11-28, warnDays 180)
                arguments(new DeprecatedRuntime(), reports("RUN-003 deprecated, updates still allowed", runtime("python3.8"), finding("fn", HIGH,
                                "python3.8 was deprecated on 2024-10-14 and no longer receives security patches; "
                                        + "function updates will be blocked from 2027-03-03"))),
                arguments(new DeprecatedRuntime(), reports("RUN-003 deprecated, updates blocked", runtime("nodejs14.x"), finding("fn", HIGH, "function updates are blocked since 2025-11-01"))),
                arguments(new DeprecatedRuntime(), reports("RUN-003 deprecated, no block date", runtime("dotnet8"), finding("fn", HIGH, "deprecated on 2026-11-10 and no longer receives security patches; "
                                + "no date for blocking function updates is announced"))),
                arguments(new DeprecatedRuntime(), reports("RUN-003 deprecated within warnDays", runtime("nodejs22.x"), finding("fn", MEDIUM, "nodejs22.x will be deprecated on 2027-04-30 (in 153 days)"))),
                arguments(new DeprecatedRuntime(), reportsNothing("RUN-003 soon, but outside a shorter window", runtime("nodejs22.x")).under(WARN_30_DAYS)),
                arguments(new DeprecatedRuntime(), reportsNothing("RUN-003 supported", runtime("python3.12"))),
                arguments(new DeprecatedRuntime(), reportsNothing("RUN-003 container image skipped", Fixtures.oneFunction(f -> f.image()))),
                arguments(new DeprecatedRuntime(), reports("RUN-003 runtime not in the table: LOW, dates not known", runtime("python3.99"), finding("fn", LOW, "Runtime python3.99 is not in the lifecycle table"))),
                arguments(new DeprecatedRuntime(), reports("RUN-003 ruby3.3's date is checked: deprecated within warnDays", runtime("ruby3.3"), finding("fn", MEDIUM, "ruby3.3 will be deprecated on 2027-03-31 (in 123 days)"))),
                arguments(new DeprecatedRuntime(), reportsNothing("RUN-003 java21 is dated and not due", runtime("java21"))),
                arguments(new DeprecatedRuntime(), reportsNothing("RUN-003 provided.al2023 is dated and not due", runtime("provided.al2023"))),
                arguments(new DeprecatedRuntime(), reports("RUN-003 configuration overrides the shipped date", runtime("python3.12"), finding("fn", HIGH, "deprecated on 2026-01-01 and no longer receives security patches; "
                                + "function updates are blocked since 2026-03-01")).under(RuleSettings.yaml("runtime: {lifecycle: {python3.12: {deprecation: 2026-01-01, blockUpdate: 2026-03-01}}}"))),

                // LG-RUN-004
                arguments(new EnvironmentWithoutCustomerKey(), reports("RUN-004 variables with the AWS-managed key", Fixtures.oneFunction(f -> f.env("STAGE", 4).env("TABLE", 8)), finding("fn", LOW, "2 environment variable(s)"))),
                arguments(new EnvironmentWithoutCustomerKey(), reportsNothing("RUN-004 customer-managed key", Fixtures.oneFunction(f -> f.env("STAGE", 4).kmsKey("arn:aws:kms:us-east-1:111111111111:key/k")))),
                arguments(new EnvironmentWithoutCustomerKey(), reportsNothing("RUN-004 no variables", Fixtures.oneFunction(f -> { }))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(Rule rule, RuleCase c) {
        RuleTester.of(rule).check(c);
    }

    private static Snapshot runtime(String runtime) {
        return Fixtures.oneFunction(f -> f.runtime(runtime));
    }

}
