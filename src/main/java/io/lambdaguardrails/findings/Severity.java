package io.lambdaguardrails.findings;

import java.util.Locale;

/** Finding severity, ordered from least to most severe. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Accepts any case ({@code high}, {@code High}); the message lists the valid values. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected one of INFO, LOW, MEDIUM, HIGH, CRITICAL)");
        }
    }
}
