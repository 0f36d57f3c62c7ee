package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/** A code-signing configuration: which signing-profile versions it allows and whether it enforces them. */
public record CodeSigningConfig(String arn, List<String> allowedProfileVersionArns, Policy untrustedArtifactOnDeployment) {

    /** What Lambda does with code that is unsigned or signed by a profile the config does not allow; null when not said. */
    public enum Policy {
        WARN, ENFORCE, UNKNOWN;

        /** AWS spells it Warn, as the saved inventory keeps it. */
        @JsonValue
        public String awsName() {
            return AwsNames.pascalCase(this);
        }

        @JsonCreator
        public static Policy of(String text) {
            return AwsNames.of(Policy.class, text);
        }
    }


    public CodeSigningConfig {
        allowedProfileVersionArns = List.copyOf(allowedProfileVersionArns);
    }
}
