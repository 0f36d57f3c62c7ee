package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.apache.commons.codec.digest.DigestUtils;

import java.util.List;

/**
 * IAM Access Analyzer policy validation of one policy document, keyed by {@link #hashOf the document's hash} so that
 * a document shared by many roles or accounts is validated once. {@code issues} holds ERROR, SECURITY_WARNING,
 * WARNING and SUGGESTION findings by their issue code.
 */
public record PolicyValidation(String documentHash, List<Issue> issues) {

    public PolicyValidation {
        issues = List.copyOf(issues);
    }

    public record Issue(FindingType findingType, String issueCode) {

        /** How serious Access Analyzer says the issue is; null when not said. */
        public enum FindingType {
            ERROR, SECURITY_WARNING, WARNING, SUGGESTION, UNKNOWN;

            @JsonCreator
            public static FindingType of(String text) {
                return AwsNames.of(FindingType.class, text);
            }
        }
    }

    /** SHA-256 of the document text as stored in the snapshot, in hex. */
    public static String hashOf(String document) {
        return DigestUtils.sha256Hex(document);
    }
}
