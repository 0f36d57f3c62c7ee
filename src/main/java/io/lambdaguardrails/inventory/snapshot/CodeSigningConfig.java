package io.lambdaguardrails.inventory.snapshot;

import java.util.List;

/** A code-signing configuration: which signing-profile versions it allows and whether it enforces them. */
public record CodeSigningConfig(String arn, List<String> allowedProfileVersionArns, String untrustedArtifactOnDeployment) {

    public CodeSigningConfig {
        allowedProfileVersionArns = List.copyOf(allowedProfileVersionArns);
    }
}
