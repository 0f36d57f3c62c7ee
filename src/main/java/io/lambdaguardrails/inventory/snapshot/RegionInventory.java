package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Set;

/**
 * What one account holds in one region. A network or audit posture given as null is one whose every part is not
 * collected.
 */
public record RegionInventory(
        String region,
        List<LambdaFunction> functions,
        List<CodeSigningConfig> codeSigningConfigs,
        List<SigningProfileVersion> signingProfiles,
        Network network,
        AuditPosture audit,
        Set<Part> notCollected) {

    public enum Part {
        CODE_SIGNING_CONFIGS, SIGNING_PROFILES
    }

    public RegionInventory {
        functions = List.copyOf(functions);
        var missing = NotCollected.start(Part.class, notCollected);
        codeSigningConfigs = NotCollected.list(codeSigningConfigs, Part.CODE_SIGNING_CONFIGS, missing);
        signingProfiles = NotCollected.list(signingProfiles, Part.SIGNING_PROFILES, missing);
        notCollected = NotCollected.done(missing);
        network = network == null ? Network.unknown() : network;
        audit = audit == null ? AuditPosture.unknown() : audit;
    }

    /** Each code-signing list as read, or null where it could not be. */
    public RegionInventory(String region, List<LambdaFunction> functions, List<CodeSigningConfig> codeSigningConfigs,
                           List<SigningProfileVersion> signingProfiles, Network network, AuditPosture audit) {
        this(region, functions, codeSigningConfigs, signingProfiles, network, audit, Set.of());
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }
}
