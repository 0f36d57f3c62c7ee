package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.Drift;
import io.lambdaguardrails.report.ScanResult;

/** What came of looking for a baseline, and how it marks a run's findings. */
public sealed interface BaselineOutcome {

    ScanResult applyTo(ScanResult current);

    /** One line for the terminal. */
    String describe();

    /** Compared with the run in {@code from}. */
    record Compared(ScanResult baseline, String from) implements BaselineOutcome {
        public ScanResult applyTo(ScanResult current) {
            return Drift.compare(current, baseline);
        }

        public String describe() {
            return "compared with run " + baseline.runId() + " (" + from + ")";
        }
    }

    /** {@code --baseline auto} found no earlier run at the output: every finding is new. */
    record FirstRun(String lookedAt) implements BaselineOutcome {
        public ScanResult applyTo(ScanResult current) {
            return Drift.firstRun(current);
        }

        public String describe() {
            return "no earlier run at " + lookedAt + ": every finding is new";
        }
    }

    /** No comparison was asked for ({@code --baseline none}, or a partial shard result). */
    record Skipped(String why) implements BaselineOutcome {
        public ScanResult applyTo(ScanResult current) {
            return current;
        }

        public String describe() {
            return "no baseline comparison (" + why + ")";
        }
    }

    /** The earlier run at the output could not be read; findings stay unmarked rather than wrongly called new. */
    record Unreadable(String location, String reason) implements BaselineOutcome {
        public ScanResult applyTo(ScanResult current) {
            return current;
        }

        public String describe() {
            return "baseline " + location + " could not be read (" + reason + "); findings are not marked new or existing";
        }
    }
}
