package io.lambdaguardrails.inventory.snapshot;

import java.util.Locale;

/**
 * AWS's spelling of an enumeration value turned into the snapshot's enum at collection (and when an inventory is read
 * back, since the JSON keeps AWS's spelling): any case, and {@code UNKNOWN} for a value AWS added after this version.
 */
final class AwsNames {

    private AwsNames() {
    }

    /** @return null for null: not set, or not said by AWS */
    static <E extends Enum<E>> E of(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        return Enum.valueOf(type, "UNKNOWN");
    }

    /** {@code WARN} → {@code Warn}, AWS's spelling of the one-word values it writes in mixed case. */
    static String capitalised(Enum<?> value) {
        String name = value.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
