package io.lambdaguardrails.inventory.snapshot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    public record Issue(String findingType, String issueCode) {
    }

    /** SHA-256 of the document text as stored in the snapshot, in hex. */
    public static String hashOf(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
