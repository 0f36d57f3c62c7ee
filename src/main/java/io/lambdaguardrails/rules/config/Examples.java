package io.lambdaguardrails.rules.config;

import com.fasterxml.jackson.core.JsonPointer;
import io.lambdaguardrails.findings.Severity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The words of configuration errors: where a value is, what kind it should be, and a right example of it. */
final class Examples {

    private static final Map<String, String> BY_KEY = Map.ofEntries(
            Map.entry("version", "version: 1"),
            Map.entry("requireVpc", "requireVpc: true"),
            Map.entry("minAzs", "minAzs: 2"),
            Map.entry("centralEndpoints", "centralEndpoints: false"),
            Map.entry("requireBoundary", "requireBoundary: true"),
            Map.entry("staleDays", "staleDays: 90"),
            Map.entry("unusedServiceDays", "unusedServiceDays: 90"),
            Map.entry("wildcardAllowedServices", "wildcardAllowedServices: [logs]"),
            Map.entry("trustedAccounts", "trustedAccounts: [\"111122223333\"]"),
            Map.entry("required", "required: [owner, data-classification]"),
            Map.entry("ownerKey", "ownerKey: owner"),
            Map.entry("warnDays", "warnDays: 180"),
            Map.entry("lifecycle", "lifecycle: {python3.9: {deprecation: 2025-12-15, blockUpdate: 2027-03-03}}"),
            Map.entry("deprecation", "deprecation: 2025-12-15"),
            Map.entry("blockCreate", "blockCreate: 2027-02-01"),
            Map.entry("blockUpdate", "blockUpdate: 2027-03-03"),
            Map.entry("trustedProfiles", "trustedProfiles: [\"arn:aws:signer:eu-west-1:111122223333:/signing-profiles/release\"]"),
            Map.entry("maxTimeoutSeconds", "maxTimeoutSeconds: 300"),
            Map.entry("memoryRange", "memoryRange: {min: 128, max: 3008}"),
            Map.entry("min", "min: 128"),
            Map.entry("max", "max: 3008"),
            Map.entry("enabled", "enabled: false"),
            Map.entry("severity", "severity: HIGH"),
            Map.entry("id", "id: legacy-vpc-exception"),
            Map.entry("match", "match: {ruleId: LG-NET-001, accountIds: [\"111122223333\"]}"),
            Map.entry("ruleId", "ruleId: \"LG-NET-*\""),
            Map.entry("accountIds", "accountIds: [\"111122223333\"]"),
            Map.entry("regions", "regions: [eu-west-1]"),
            Map.entry("resourceArn", "resourceArn: \"arn:aws:lambda:eu-west-1:111122223333:function:legacy-*\""),
            Map.entry("tags", "tags: {team: payments}"),
            Map.entry("reason", "reason: \"Vendor appliance, replaced in Q2\""),
            Map.entry("owner", "owner: platform-security@example.com"),
            Map.entry("expires", "expires: 2027-03-31"));

    private Examples() {
    }

    /** " (example: 'minAzs: 2')", or nothing when the key has no example. */
    static String forKey(String key) {
        String example = key == null ? null : BY_KEY.get(key);
        return example == null ? "" : " (example: '" + example + "')";
    }

    /** A pointer as a reader writes it: {@code settings.network.minAzs}, {@code waivers[0].expires}. */
    static String human(JsonPointer pointer) {
        StringBuilder text = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement()) {
                text.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return text.isEmpty() ? "the file" : text.toString();
    }

    /** The known key a misspelt one most likely meant: same letters in another case, or at most two edits away. */
    static Optional<String> closest(String key, List<String> known) {
        return known.stream()
                .filter(k -> k.equalsIgnoreCase(key) || editDistance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT)) <= 2)
                .min(Comparator.comparingInt(k -> editDistance(k.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT))));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static String typeName(Class<?> type) {
        if (type == Severity.class) {
            return "a severity (one of " + Arrays.stream(Severity.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (type == LocalDate.class) {
            return "a date written YYYY-MM-DD";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys to values";
    }
}
