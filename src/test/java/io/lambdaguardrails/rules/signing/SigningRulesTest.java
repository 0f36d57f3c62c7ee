package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.SigningProfileVersion;
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

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SigningRulesTest {

    private static final Settings TRUST_OTHER = RuleSettings.yaml("signing: {trustedProfiles: [\"arn:aws:signer:us-east-1:111111111111:/signing-profiles/other\"]}");
    private static final String CSC = "arn:aws:lambda:us-east-1:111111111111:code-signing-config:csc-1";
    private static final String PROFILE = "arn:aws:signer:us-east-1:111111111111:/signing-profiles/release";
    private static final Settings TRUST_PROFILE = RuleSettings.yaml("signing: {trustedProfiles: [\"" + PROFILE + "\"]}");
    private static final String VERSION = PROFILE + "/v1";

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-SIG-001
                arguments(new NoCodeSigning(), reports("SIG-001 zip without config", Fixtures.oneFunction(f -> { }), finding("fn", MEDIUM, "without a code-signing configuration"))),
                arguments(new NoCodeSigning(), reportsNothing("SIG-001 zip with config", Fixtures.oneFunction(f -> f.codeSigning(CSC)))),
                arguments(new NoCodeSigning(), reportsNothing("SIG-001 container image", Fixtures.oneFunction(f -> f.image()))),
                arguments(new NoCodeSigning(), reportsNothing("SIG-001 code signing not collected", Fixtures.oneFunction(f -> f.notCollected(LambdaFunction.Part.CODE_SIGNING)))),

                // LG-SIG-002
                arguments(new CodeSigningNotEnforced(), reports("SIG-002 Warn", signed("Warn", List.of(VERSION), "Active"), finding("fn", MEDIUM, CSC + " only warns"))),
                arguments(new CodeSigningNotEnforced(), reportsNothing("SIG-002 Enforce", signed("Enforce", List.of(VERSION), "Active"))),
                arguments(new CodeSigningNotEnforced(), reportsNothing("SIG-002 configs could not be read", region(r -> r.signingUnknown().function("fn", f -> f.codeSigning(CSC))))),

                // LG-SIG-003
                arguments(new UntrustedSigningProfile(), reports("SIG-003 revoked profile version", signed("Enforce", List.of(VERSION), "Revoked"), finding("fn", MEDIUM, VERSION + " (revoked)"))),
                arguments(new UntrustedSigningProfile(), reports("SIG-003 cancelled profile version", signed("Enforce", List.of(VERSION), "Canceled"), finding("fn", MEDIUM, "(canceled)"))),
                arguments(new UntrustedSigningProfile(), reportsNothing("SIG-003 active profile, no trusted list set", signed("Enforce", List.of(VERSION), "Active"))),
                arguments(new UntrustedSigningProfile(), reports("SIG-003 profile outside the trusted list", signed("Enforce", List.of(VERSION), "Active"), finding("fn", MEDIUM, VERSION + " (not in signing.trustedProfiles)")).under(TRUST_OTHER)),
                arguments(new UntrustedSigningProfile(), reportsNothing("SIG-003 trusted by profile ARN", signed("Enforce", List.of(VERSION), "Active")).under(TRUST_PROFILE)),
                arguments(new UntrustedSigningProfile(), reportsNothing("SIG-003 profiles could not be read", region(r -> r.signingUnknown().function("fn", f -> f.codeSigning(CSC))))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(Rule rule, RuleCase c) {
        RuleTester.of(rule).check(c);
    }

    private static Snapshot signed(String policy, List<String> allowed, String status) {
        return region(r -> r.codeSigningConfig(new CodeSigningConfig(CSC, allowed, CodeSigningConfig.Policy.of(policy)))
                .signingProfile(new SigningProfileVersion(VERSION, "release", SigningProfileVersion.Status.of(status)))
                .function("fn", f -> f.codeSigning(CSC)));
    }

    private static Snapshot region(Consumer<Fixtures.RegionBuilder> spec) {
        return Fixtures.org(o -> o.account("111111111111", a -> a.region(Fixtures.REGION, spec)));
    }

}
