package io.lambdaguardrails.permissions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Values substituted into the scanner policy. Every value is checked against a strict pattern because it is pasted
 * into a policy document: a stray {@code *} would silently widen the grant.
 *
 * @param bucket     reports bucket name
 * @param prefix     key prefix under which reports are written; empty or ending in {@code /}
 * @param memberRole member role name, optionally with its IAM path ({@code security/LambdaGuardrailsReadOnly})
 * @param kmsKeyArn  customer-managed key encrypting the bucket (SSE-KMS), if any
 */
public record PolicyParameters(String bucket, String prefix, String memberRole, Optional<String> kmsKeyArn) {

    public static final String DEFAULT_MEMBER_ROLE = "LambdaGuardrailsReadOnly";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.'()=+,@-]+/)*");
    private static final Pattern ROLE = Pattern.compile("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern KMS_KEY = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

    public PolicyParameters {
        prefix = normalisePrefix(prefix);
        memberRole = memberRole == null ? DEFAULT_MEMBER_ROLE : stripLeadingSlash(memberRole);
        kmsKeyArn = kmsKeyArn == null ? Optional.empty() : kmsKeyArn;
        if (bucket == null) {
            throw new IllegalArgumentException("--bucket is required for the scanner policy");
        }
        require(BUCKET.matcher(bucket).matches(), "--bucket",
                "an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)", bucket);
        require(PREFIX.matcher(prefix).matches(), "--prefix",
                "a key prefix of letters, digits and !_.'()=+,@- separated by '/' (no wildcards)", prefix);
        require(ROLE.matcher(memberRole).matches(), "--member-role-name",
                "an IAM role name, optionally with its path (e.g. security/LambdaGuardrailsReadOnly)", memberRole);
        kmsKeyArn.ifPresent(arn -> require(KMS_KEY.matcher(arn).matches(), "--kms-key-arn",
                "a KMS key ARN (arn:aws:kms:REGION:ACCOUNT:key/ID; aliases cannot scope a policy)", arn));
    }

    /** Placeholder name → value, as used by the policy resources ({@code {{bucket}}}…). */
    Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bucket", bucket);
        values.put("prefix", prefix);
        values.put("memberRole", memberRole);
        kmsKeyArn.ifPresent(arn -> values.put("kmsKeyArn", arn));
        return values;
    }

    private static String normalisePrefix(String prefix) {
        String trimmed = prefix == null ? "" : stripLeadingSlash(prefix);
        return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    private static String stripLeadingSlash(String value) {
        return value.startsWith("/") ? value.substring(1) : value;
    }

    private static void require(boolean valid, String option, String expected, String actual) {
        if (!valid) {
            throw new IllegalArgumentException(option + " must be " + expected + ", got '" + actual + "'");
        }
    }
}
