package io.lambdaguardrails.job;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The outcome of a run as a process exit code. When several apply, the most important wins:
 * USAGE &gt; NOT_DELIVERED &gt; FINDINGS &gt; INCOMPLETE &gt; OK.
 */
public enum ExitStatus {
    OK(0, 0, "done"),
    FINDINGS(1, 2, "findings at or above the --fail-on threshold"),
    USAGE(2, 4, "usage or configuration error"),
    INCOMPLETE(3, 1, "coverage incomplete: an account or region could not be fully read"),
    NOT_DELIVERED(4, 3, "report not delivered where asked (written to a local fallback) or internal error");

    private final int code;
    private final int precedence;
    private final String meaning;

    ExitStatus(int code, int precedence, String meaning) {
        this.code = code;
        this.precedence = precedence;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitStatus worst(ExitStatus... statuses) {
        return Arrays.stream(statuses).max(Comparator.comparingInt(s -> s.precedence)).orElse(OK);
    }
}
