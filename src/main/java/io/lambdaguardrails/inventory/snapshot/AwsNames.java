package io.lambdaguardrails.inventory.snapshot;

import java.util.Locale;

/**
 * AWS's spelling of an enumeration value turned into the snapshot's enum at collection (and when an inventory is read
 * back, since the JSON keeps AWS's spelling): any case, with or without underscores ({@code pendingAcceptance} is
 * {@code PENDING_ACCEPTANCE}), and {@code UNKNOWN} for a value AWS added after this version.
 */
final class AwsNames {

    private AwsNames() {
    }

    /** @return null for null: not set, or not said by AWS */
    static <E extends Enum<E>> E of(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String bare = text.replace("_", "");
        for (E value : type.getEnumConstants()) {
            if (value.name().replace("_", "").equalsIgnoreCase(bare)) {
                return value;
            }
        }
        return Enum.valueOf(type, "UNKNOWN");
    }

    /** {@code WARN} → {@code Warn}, {@code GATEWAY_LOAD_BALANCER} → {@code GatewayLoadBalancer}. */
    static String pascalCase(Enum<?> value) {
        StringBuilder out = new StringBuilder();
        for (String word : value.name().split("_")) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** {@code ACTIVE} → {@code active}, {@code PENDING_ACCEPTANCE} → {@code pendingAcceptance}. */
    static String camelCase(Enum<?> value) {
        String pascal = pascalCase(value);
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }
}
