package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The state of an AWS Signer profile version. */
public record SigningProfileVersion(String profileVersionArn, String profileName, Status status) {

    /** Whether the version may still sign: revoked and canceled versions no longer may. */
    public enum Status {
        ACTIVE, CANCELED, REVOKED, UNKNOWN;

        /** AWS spells it Active, as the saved inventory keeps it. */
        @JsonValue
        public String awsName() {
            return AwsNames.pascalCase(this);
        }

        @JsonCreator
        public static Status of(String text) {
            return AwsNames.of(Status.class, text);
        }
    }
}
