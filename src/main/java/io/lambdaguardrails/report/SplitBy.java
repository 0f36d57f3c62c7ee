package io.lambdaguardrails.report;

import java.util.Locale;

/** What {@code --split-by} makes one view per: each owner, account or organisational unit. */
public enum SplitBy {
    OWNER, ACCOUNT, OU;

    /** The folder under {@code views/} that holds this kind's views. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code owner}, {@code account} or {@code ou} in any case. */
    public static SplitBy parse(String text) {
        for (SplitBy kind : values()) {
            if (kind.folder().equalsIgnoreCase(text.strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown split-by value '" + text + "' (expected owner, account or ou)");
    }
}
