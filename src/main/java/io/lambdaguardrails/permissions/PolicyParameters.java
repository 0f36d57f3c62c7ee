package io.lambdaguardrails.permissions;

import io.lambdaguardrails.integrations.NotifyTarget;
import software.amazon.awssdk.regions.Region;

import java.util.LinkedHashMap;
import java.util.List;
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
 * @param securityHubRegion region whose Security Hub the findings are imported into ({@code --security-hub}), if any
 * @param notifyTopicArns   SNS topics notifications are published to ({@code --notify sns:ARN}); empty: none
 */
public record PolicyParameters(String bucket, String prefix, String memberRole, Optional<String> kmsKeyArn,
                               Optional<String> securityHubRegion, List<String> notifyTopicArns) {

    public static final String DEFAULT_MEMBER_ROLE = "LambdaGuardrailsReadOnly";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.'()=+,@-]+/)*");
    private static final Pattern ROLE = Pattern.compile("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
    private static final Pattern KMS_KEY = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:key/[A-Za-z0-9-]+");

    public PolicyParameters {
        prefix = normalisePrefix(prefix);
        memberRole = memberRole == null ? DEFAULT_MEMBER_ROLE : stripLeadingSlash(memberRole);
        kmsKeyArn = kmsKeyArn == null ? Optional.empty() : kmsKeyArn;
        securityHubRegion = securityHubRegion == null ? Optional.empty() : securityHubRegion;
        notifyTopicArns = notifyTopicArns == null ? List.of() : List.copyOf(notifyTopicArns);
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
        securityHubRegion.ifPresent(region -> require(isRegion(region), "--security-hub",
                "an AWS region code such as eu-west-1", region));
        // Not echoed: a webhook URL given here by mistake may carry its token.
        if (!notifyTopicArns.stream().allMatch(arn -> NotifyTarget.TOPIC_ARN.matcher(arn).matches())) {
            throw new IllegalArgumentException("--notify-topic must be an SNS topic ARN such as "
                    + "arn:aws:sns:eu-west-1:111122223333:guardrails-alerts (no wildcards)");
        }
    }

    /**
     * Placeholder name → values, as used by the policy resources ({@code {{bucket}}}…). Only a placeholder that is a
     * whole element of a Resource list may have more than one value; an option not given has no entry.
     */
    Map<String, List<String>> placeholders() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("bucket", List.of(bucket));
        values.put("prefix", List.of(prefix));
        values.put("memberRole", List.of(memberRole));
        kmsKeyArn.ifPresent(arn -> values.put("kmsKeyArn", List.of(arn)));
        securityHubRegion.ifPresent(region -> values.put("securityHubRegion", List.of(region)));
        if (!notifyTopicArns.isEmpty()) {
            values.put("notifyTopicArn", notifyTopicArns);
        }
        return values;
    }

    private static boolean isRegion(String region) {
        return Region.regions().stream().anyMatch(known -> !known.isGlobalRegion() && known.id().equals(region));
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
