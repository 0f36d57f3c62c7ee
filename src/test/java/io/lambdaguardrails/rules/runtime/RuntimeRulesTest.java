package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuntimeLifecycle;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.RuleRun.Expect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.CRITICAL;
import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.RuleRun.expect;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RuntimeRulesTest {

    private static final Settings DEFAULTS = Settings.defaults();

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-RUN-001
                arguments("RUN-001 flagged variable", new SecretInEnvironment(),
                        Fixtures.oneFunction(f -> f.env("STAGE", 4).secretEnv("DB_PASSWORD", "high-entropy")), DEFAULTS,
                        List.of(expect("fn", CRITICAL, "DB_PASSWORD (high-entropy, fingerprint fp-DB_PASSWORD)"))),
                arguments("RUN-001 two flagged variables: one finding", new SecretInEnvironment(),
                        Fixtures.oneFunction(f -> f.secretEnv("GH", "github-token").secretEnv("KEY", "aws-access-key-id")),
                        DEFAULTS, List.of(expect("fn", CRITICAL, "GH (github-token, fingerprint fp-GH); KEY (aws-access-key-id"))),
                arguments("RUN-001 ordinary variables", new SecretInEnvironment(),
                        Fixtures.oneFunction(f -> f.env("STAGE", 4).env("TABLE_NAME", 12)), DEFAULTS, List.of()),
                arguments("RUN-001 secret in a tag is not an environment secret", new SecretInEnvironment(),
                        Fixtures.oneFunction(f -> f.secretIn("tag:note", "jwt")), DEFAULTS, List.of()),

                // LG-RUN-002
                arguments("RUN-002 secret in a tag", new SecretInTagsOrDescription(),
                        Fixtures.oneFunction(f -> f.secretIn("tag:deploy", "github-token")), DEFAULTS,
                        List.of(expect("fn", MEDIUM, "tag:deploy (github-token, fingerprint fp-tag:deploy)"))),
                arguments("RUN-002 secret in the description", new SecretInTagsOrDescription(),
                        Fixtures.oneFunction(f -> f.secretIn("description", "url-password")), DEFAULTS,
                        List.of(expect("fn", MEDIUM, "description (url-password"))),
                arguments("RUN-002 environment secrets belong to RUN-001", new SecretInTagsOrDescription(),
                        Fixtures.oneFunction(f -> f.secretEnv("DB_PASSWORD", "high-entropy")), DEFAULTS, List.of()),

                // LG-RUN-003 (today is 2026-11-28, warnDays 180)
                arguments("RUN-003 deprecated, updates still allowed", new DeprecatedRuntime(),
                        runtime("python3.8"), DEFAULTS, List.of(expect("fn", HIGH,
                                "python3.8 was deprecated on 2024-10-14 and no longer receives security patches; "
                                        + "function updates will be blocked from 2027-03-03"))),
                arguments("RUN-003 deprecated, updates blocked", new DeprecatedRuntime(), runtime("nodejs14.x"), DEFAULTS,
                        List.of(expect("fn", HIGH, "function updates are blocked since 2025-11-01"))),
                arguments("RUN-003 deprecated, no block date", new DeprecatedRuntime(), runtime("dotnet8"), DEFAULTS,
                        List.of(expect("fn", HIGH, "deprecated on 2026-11-10 and no longer receives security patches; "
                                + "no date for blocking function updates is announced"))),
                arguments("RUN-003 deprecated within warnDays", new DeprecatedRuntime(), runtime("nodejs22.x"), DEFAULTS,
                        List.of(expect("fn", MEDIUM, "nodejs22.x will be deprecated on 2027-04-30 (in 153 days)"))),
                arguments("RUN-003 soon, but outside a shorter window", new DeprecatedRuntime(), runtime("nodejs22.x"),
                        runtimeSettings(30, Map.of()), List.of()),
                arguments("RUN-003 supported", new DeprecatedRuntime(), runtime("python3.12"), DEFAULTS, List.of()),
                arguments("RUN-003 container image skipped", new DeprecatedRuntime(), Fixtures.oneFunction(f -> f.image()),
                        DEFAULTS, List.of()),
                arguments("RUN-003 runtime not in the table: LOW, dates not known", new DeprecatedRuntime(),
                        runtime("python3.99"), DEFAULTS,
                        List.of(expect("fn", LOW, "Runtime python3.99 is not in the lifecycle table"))),
                arguments("RUN-003 ruby3.3's date is checked: deprecated within warnDays", new DeprecatedRuntime(),
                        runtime("ruby3.3"), DEFAULTS,
                        List.of(expect("fn", MEDIUM, "ruby3.3 will be deprecated on 2027-03-31 (in 123 days)"))),
                arguments("RUN-003 java21 is dated and not due", new DeprecatedRuntime(), runtime("java21"), DEFAULTS, List.of()),
                arguments("RUN-003 provided.al2023 is dated and not due", new DeprecatedRuntime(), runtime("provided.al2023"),
                        DEFAULTS, List.of()),
                arguments("RUN-003 configuration overrides the shipped date", new DeprecatedRuntime(), runtime("python3.12"),
                        runtimeSettings(180, Map.of("python3.12", new RuntimeLifecycle(LocalDate.of(2026, 1, 1), null,
                                LocalDate.of(2026, 3, 1)))),
                        List.of(expect("fn", HIGH, "deprecated on 2026-01-01 and no longer receives security patches; "
                                + "function updates are blocked since 2026-03-01"))),

                // LG-RUN-004
                arguments("RUN-004 variables with the AWS-managed key", new EnvironmentWithoutCustomerKey(),
                        Fixtures.oneFunction(f -> f.env("STAGE", 4).env("TABLE", 8)), DEFAULTS,
                        List.of(expect("fn", LOW, "2 environment variable(s)"))),
                arguments("RUN-004 customer-managed key", new EnvironmentWithoutCustomerKey(),
                        Fixtures.oneFunction(f -> f.env("STAGE", 4).kmsKey("arn:aws:kms:us-east-1:111111111111:key/k")),
                        DEFAULTS, List.of()),
                arguments("RUN-004 no variables", new EnvironmentWithoutCustomerKey(), Fixtures.oneFunction(f -> { }),
                        DEFAULTS, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(String name, Rule rule, Snapshot snapshot, Settings settings, List<Expect> expected) {
        RuleRun.assertReports(rule, snapshot, settings, expected);
    }

    private static Snapshot runtime(String runtime) {
        return Fixtures.oneFunction(f -> f.runtime(runtime));
    }

    static Settings runtimeSettings(int warnDays, Map<String, RuntimeLifecycle> lifecycle) {
        return Settings.defaults().withRuntime(new Settings.RuntimeSettings(warnDays, lifecycle));
    }
}
