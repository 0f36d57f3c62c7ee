package io.lambdaguardrails.cli;

import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.JobSummary;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/** The end of a run with {@code --log-format json}: the summary as one JSON line, then the exit status as another. */
final class JsonSummary {

    private JsonSummary() {
    }

    static void print(PrintWriter out, JobOutcome outcome, boolean quiet) {
        Instant now = Instant.now();
        if (!quiet) {
            JobSummary summary = JobSummary.of(outcome);
            out.println(JsonLogFormatter.line(now, "INFO", summary.describe(), Map.of("summary", summary)));
        }
        exit(out, outcome.status().code(), "Exit " + outcome.status().code() + ": " + outcome.status().meaning());
    }

    /** The last line of a command: its exit code, as a field, and what it means. */
    static void exit(PrintWriter out, int code, String message) {
        out.println(JsonLogFormatter.line(Instant.now(), code == 0 ? "INFO" : code == 1 || code == 3 ? "WARN" : "ERROR",
                message, Map.of("exitCode", code)));
        out.flush();
    }
}
