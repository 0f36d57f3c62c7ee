package io.lambdaguardrails.inventory.snapshot;

import java.util.List;

/** What one account holds in one region. The code-signing lists are null when they could not be read. */
public record RegionInventory(
        String region,
        List<LambdaFunction> functions,
        List<CodeSigningConfig> codeSigningConfigs,
        List<SigningProfileVersion> signingProfiles,
        Network network,
        AuditPosture audit) {

    public RegionInventory {
        functions = List.copyOf(functions);
        codeSigningConfigs = codeSigningConfigs == null ? null : List.copyOf(codeSigningConfigs);
        signingProfiles = signingProfiles == null ? null : List.copyOf(signingProfiles);
    }
}
