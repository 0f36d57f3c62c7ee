package io.lambdaguardrails.rules.signing;

import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.SigningProfileVersion;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * LG-SIG-003: the function's code-signing configuration allows a signing-profile version that is revoked or
 * cancelled, or that is not in {@code signing.trustedProfiles} (checked only when that list is set).
 */
public final class UntrustedSigningProfile extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-SIG-003",
            "Code-signing config allows a revoked, cancelled or untrusted signing profile", Family.CODE_SIGNING,
            Severity.MEDIUM, true,
            "A code-signing configuration is only as strong as the publishers it allows. A revoked or cancelled "
                    + "profile version signals a compromised or retired signer; a profile outside the organisation's "
                    + "trusted list lets code signed by someone else pass verification.",
            "Remove the profile version from the allowed publishers: aws lambda update-code-signing-config "
                    + "--code-signing-config-arn ARN --allowed-publishers SigningProfileVersionArns=TRUSTED_ARN; "
                    + "list trusted profiles in signing.trustedProfiles.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
                    "https://docs.aws.amazon.com/signer/latest/developerguide/revocation.html"),
            List.of());

    public UntrustedSigningProfile() {
        super(META, RegionInventory.Part.CODE_SIGNING_CONFIGS, RegionInventory.Part.SIGNING_PROFILES);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        if (!scope.region().collected(RegionInventory.Part.SIGNING_PROFILES)) {
            return Optional.empty();
        }
        List<String> trusted = context.settings().signing().trustedProfiles();
        return SigningConfigs.of(scope).flatMap(c -> check(scope, c, trusted));
    }

    private static Optional<Violation> check(FunctionScope f, CodeSigningConfig config, List<String> trusted) {
        List<String> problems = new ArrayList<>();
        List<String> related = new ArrayList<>();
        for (String versionArn : config.allowedProfileVersionArns()) {
            problem(f, versionArn, trusted).ifPresent(problem -> {
                problems.add(versionArn + " (" + problem + ")");
                related.add(versionArn);
            });
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        related.add(config.arn());
        return Optional.of(f.violation("Code-signing config " + config.arn() + " allows " + String.join("; ", problems)
                + ".", related));
    }

    private static Optional<String> problem(FunctionScope f, String versionArn, List<String> trusted) {
        Optional<SigningProfileVersion.Status> status = f.region().signingProfiles().stream()
                .filter(p -> p.profileVersionArn().equals(versionArn))
                .map(SigningProfileVersion::status)
                .findFirst();
        if (status.filter(s -> s == SigningProfileVersion.Status.REVOKED || s == SigningProfileVersion.Status.CANCELED)
                .isPresent()) {
            return Optional.of(status.get().name().toLowerCase(Locale.ROOT));
        }
        if (!trusted.isEmpty() && !isTrusted(versionArn, trusted)) {
            return Optional.of("not in signing.trustedProfiles");
        }
        return Optional.empty();
    }

    /** A trusted entry is a profile-version ARN, or a profile ARN that covers all of its versions. */
    private static boolean isTrusted(String versionArn, List<String> trusted) {
        return trusted.stream().anyMatch(t -> versionArn.equals(t) || versionArn.startsWith(t + "/"));
    }
}
