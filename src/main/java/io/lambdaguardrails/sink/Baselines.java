package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ReportFormat;

/**
 * Finds the baseline of a run: {@code auto} (the default) reads {@code latest/findings.json} at the output — before
 * this run replaces it; {@code none} compares with nothing; anything else is a findings.json path or
 * {@code s3://bucket/key}, which must exist and be readable.
 */
public final class Baselines {

    public static final String AUTO = "auto";
    public static final String NONE = "none";

    private final ReportFiles files;

    public Baselines(ReportFiles files) {
        this.files = files;
    }

    /**
     * @throws java.util.NoSuchElementException when an explicit baseline does not exist
     * @throws FindingsJson.InvalidFindingsException when an explicit baseline is not a readable findings.json
     */
    public BaselineOutcome load(String spec, ReportSink output) {
        if (spec == null || spec.equals(AUTO)) {
            return latestAt(output);
        }
        if (spec.equals(NONE)) {
            return new BaselineOutcome.Skipped("--baseline none");
        }
        return new BaselineOutcome.Compared(files.read(spec), spec);
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
