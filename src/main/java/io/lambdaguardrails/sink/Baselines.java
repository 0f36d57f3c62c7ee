package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ReportFormat;

import java.util.NoSuchElementException;

/**
 * Finds the baseline of a run: {@code auto} (the default) reads {@code latest/findings.json} at the output — before
 * this run replaces it; {@code none} compares with nothing; anything else is a findings.json path or
 * {@code s3://bucket/key}. A baseline that cannot be read is reported, never fatal: the run's reports matter more.
 */
public final class Baselines {

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    private final ReportFiles files;

    public Baselines(ReportFiles files) {
        this.files = files;
    }

    public BaselineOutcome load(String spec, ReportSink output) {
        if (spec == null || spec.equals(AUTO)) {
            return latestAt(output);
        }
        if (spec.equals(NONE)) {
            return new BaselineOutcome.Skipped("--baseline none");
        }
        try {
            return new BaselineOutcome.Compared(files.read(spec), spec);
        } catch (NoSuchElementException | IllegalArgumentException | FindingsJson.InvalidFindingsException
                 | SinkException e) {
            return new BaselineOutcome.Unreadable(spec, e.getMessage());
        }
    }

    private static BaselineOutcome latestAt(ReportSink output) {
        String key = ReportKeys.latest(ReportFormat.JSON);
        String location = output.location(key);
        try {
            return output.read(key)
                    .<BaselineOutcome>map(bytes -> new BaselineOutcome.Compared(FindingsJson.read(bytes), location))
                    .orElseGet(() -> new BaselineOutcome.FirstRun(location));
        } catch (SinkException | FindingsJson.InvalidFindingsException e) {
            return new BaselineOutcome.Unreadable(location, e.getMessage());
        }
    }
}
