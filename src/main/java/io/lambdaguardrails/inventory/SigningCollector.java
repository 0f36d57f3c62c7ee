package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.SigningProfileVersion;
import software.amazon.awssdk.services.signer.SignerClient;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of every signing-profile version that the region's code-signing configs allow. Only profiles of the
 * scanned account can be read; others are left to the trusted-profile setting.
 */
public final class SigningCollector {

    static final String NAME = "signing";
    /** arn:aws:signer:REGION:ACCOUNT:/signing-profiles/NAME/VERSION */
    private static final Pattern PROFILE_VERSION = Pattern.compile("arn:[^:]+:signer:[^:]*:(\\d{12}):/signing-profiles/([^/]+)/.+");

    private final SignerClient signer;
    private final ApiCaller calls;

    public SigningCollector(SignerClient signer, ApiCaller calls) {
        this.signer = signer;
        this.calls = calls;
    }

    /** Null when the configs themselves are unknown. */
    public List<SigningProfileVersion> collect(List<CodeSigningConfig> configs) {
        if (configs == null) {
            return null;
        }
        Set<String> versions = new LinkedHashSet<>();
        configs.forEach(c -> versions.addAll(c.allowedProfileVersionArns()));
        List<SigningProfileVersion> profiles = new ArrayList<>();
        for (String versionArn : versions) {
            Matcher m = PROFILE_VERSION.matcher(versionArn);
            if (!m.matches() || !m.group(1).equals(calls.accountId())) {
                continue;
            }
            var profile = calls.call(NAME, "signer:GetSigningProfile", () -> signer.getSigningProfile(r -> r.profileName(m.group(2))));
            if (profile.succeeded()) {
                profiles.add(new SigningProfileVersion(versionArn, m.group(2), SigningProfileVersion.Status.of(profile.value().statusAsString())));
            }
        }
        return profiles;
    }
}
