package io.lambdaguardrails.job;

import io.lambdaguardrails.rules.config.ConfigException;
import io.lambdaguardrails.scan.ScanException;
import io.lambdaguardrails.sink.ShardResults;
import io.lambdaguardrails.sink.SinkException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The outcome of a run as a process exit code. When several apply, the most important wins:
 * USAGE &gt; NOT_DELIVERED &gt; FINDINGS &gt; INCOMPLETE &gt; OK.
 */
public enum ExitStatus {
    OK(0, 0, "done"),
    FINDINGS(1, 2, "findings at or above the --fail-on threshold"),
    USAGE(2, 4, "usage or configuration error"),
    INCOMPLETE(3, 1, "coverage incomplete: an account or region could not be fully read, or a rule could not judge it"),
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

    /**
     * How a run that failed with {@code failure} ends, for every command: what the user can fix (bad targets or
     * credentials, a bad guardrails.yaml, an unusable input file) is a usage error; reports that could not be written
     * or read where asked, or shards that never completed, are not delivered. Empty for a failure nobody planned for
     * (an internal error, which also exits {@link #NOT_DELIVERED}).
     */
    public static Optional<ExitStatus> forFailure(Throwable failure) {
        return switch (failure) {
            case ScanException e -> Optional.of(USAGE);
            case ConfigException e -> Optional.of(USAGE);
            case UnusableInput e -> Optional.of(USAGE);
            case SinkException e -> Optional.of(NOT_DELIVERED);
            case ShardResults.MissingShardsException e -> Optional.of(NOT_DELIVERED);
            default -> Optional.empty();
        };
    }

    public static ExitStatus worst(ExitStatus... statuses) {
        return Arrays.stream(statuses).max(Comparator.comparingInt(s -> s.precedence)).orElse(OK);
    }
}
