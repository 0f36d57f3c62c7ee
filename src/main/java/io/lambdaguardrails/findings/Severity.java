package io.lambdaguardrails.findings;

import java.util.Locale;
import java.util.Map;

/** Finding severity, ordered from least to most severe. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** Compares tallies by their most severe findings: one more CRITICAL outweighs any number of HIGHs. */
    public static int byMostSevere(Map<Severity, Integer> a, Map<Severity, Integer> b) {
        for (int i = values().length - 1; i >= 0; i--) {
            int c = Integer.compare(a.getOrDefault(values()[i], 0), b.getOrDefault(values()[i], 0));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

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
