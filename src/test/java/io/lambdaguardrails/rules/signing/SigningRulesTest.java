package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.SigningProfileVersion;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.RuleRun.Expect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.RuleRun.expect;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SigningRulesTest {

    private static final Settings DEFAULTS = Settings.defaults();
    private static final String CSC = "arn:aws:lambda:us-east-1:111111111111:code-signing-config:csc-1";
    private static final String PROFILE = "arn:aws:signer:us-east-1:111111111111:/signing-profiles/release";
    private static final String VERSION = PROFILE + "/v1";

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-SIG-001
                arguments("SIG-001 zip without config", new NoCodeSigning(), Fixtures.oneFunction(f -> { }), DEFAULTS,
                        List.of(expect("fn", MEDIUM, "without a code-signing configuration"))),
                arguments("SIG-001 zip with config", new NoCodeSigning(), Fixtures.oneFunction(f -> f.codeSigning(CSC)),
                        DEFAULTS, List.of()),
                arguments("SIG-001 container image", new NoCodeSigning(), Fixtures.oneFunction(f -> f.image()), DEFAULTS,
                        List.of()),
                arguments("SIG-001 code signing not collected", new NoCodeSigning(),
                        Fixtures.oneFunction(f -> f.notCollected(LambdaFunction.Part.CODE_SIGNING)), DEFAULTS, List.of()),

                // LG-SIG-002
                arguments("SIG-002 Warn", new CodeSigningNotEnforced(), signed("Warn", List.of(VERSION), "Active"), DEFAULTS,
                        List.of(expect("fn", MEDIUM, CSC + " only warns"))),
                arguments("SIG-002 Enforce", new CodeSigningNotEnforced(), signed("Enforce", List.of(VERSION), "Active"),
                        DEFAULTS, List.of()),
                arguments("SIG-002 configs could not be read", new CodeSigningNotEnforced(),
                        region(r -> r.signingUnknown().function("fn", f -> f.codeSigning(CSC))), DEFAULTS, List.of()),

                // LG-SIG-003
                arguments("SIG-003 revoked profile version", new UntrustedSigningProfile(),
                        signed("Enforce", List.of(VERSION), "Revoked"), DEFAULTS, List.of(expect("fn", MEDIUM, VERSION + " (revoked)"))),
                arguments("SIG-003 cancelled profile version", new UntrustedSigningProfile(),
                        signed("Enforce", List.of(VERSION), "Canceled"), DEFAULTS, List.of(expect("fn", MEDIUM, "(canceled)"))),
                arguments("SIG-003 active profile, no trusted list set", new UntrustedSigningProfile(),
                        signed("Enforce", List.of(VERSION), "Active"), DEFAULTS, List.of()),
                arguments("SIG-003 profile outside the trusted list", new UntrustedSigningProfile(),
                        signed("Enforce", List.of(VERSION), "Active"),
                        trusted("arn:aws:signer:us-east-1:111111111111:/signing-profiles/other"),
                        List.of(expect("fn", MEDIUM, VERSION + " (not in signing.trustedProfiles)"))),
                arguments("SIG-003 trusted by profile ARN", new UntrustedSigningProfile(),
                        signed("Enforce", List.of(VERSION), "Active"), trusted(PROFILE), List.of()),
                arguments("SIG-003 profiles could not be read", new UntrustedSigningProfile(),
                        region(r -> r.signingUnknown().function("fn", f -> f.codeSigning(CSC))), DEFAULTS, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(String name, Rule rule, Snapshot snapshot, Settings settings, List<Expect> expected) {
        RuleRun.assertReports(rule, snapshot, settings, expected);
    }

    private static Snapshot signed(String policy, List<String> allowed, String status) {
        return region(r -> r.codeSigningConfig(new CodeSigningConfig(CSC, allowed, policy))
                .signingProfile(new SigningProfileVersion(VERSION, "release", status))
                .function("fn", f -> f.codeSigning(CSC)));
    }

    private static Snapshot region(Consumer<Fixtures.RegionBuilder> spec) {
        return Fixtures.org(o -> o.account("111111111111", a -> a.region(Fixtures.REGION, spec)));
    }

    private static Settings trusted(String... profiles) {
        return Settings.defaults().withSigning(new Settings.SigningSettings(List.of(profiles)));
    }
}
