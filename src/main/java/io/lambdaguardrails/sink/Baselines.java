package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ReportFormat;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Finds the baseline of a run: {@code auto} (the default) reads the findings.json of the run that
 * {@code latest/manifest.json} names at the output — a complete, delivered run, read from its own folder before this
 * run replaces {@code latest/}; {@code none} compares with nothing; anything else is a findings.json path or
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
        String manifestAt = output.location(LatestManifest.KEY);
        try {
            Optional<byte[]> manifest = output.read(LatestManifest.KEY);
            if (manifest.isEmpty()) {
                // Copies without a manifest come from a publish that did not finish (or an older version): not a baseline.
                return output.read(ReportKeys.latest(ReportFormat.JSON)).isPresent()
                        ? new BaselineOutcome.Unreadable(manifestAt, "latest/ has reports but no manifest naming a complete run")
                        : new BaselineOutcome.FirstRun(manifestAt);
            }
            String key = LatestManifest.read(manifest.get()).inRunFolder(ReportFormat.JSON.fileName())
                    .orElseThrow(() -> new IllegalArgumentException("the latest run has no findings.json"));
            byte[] findings = output.read(key)
                    .orElseThrow(() -> new IllegalArgumentException("the latest run's " + output.location(key) + " is missing"));
            return new BaselineOutcome.Compared(FindingsJson.read(findings), output.location(key));
        } catch (SinkException | FindingsJson.InvalidFindingsException | IllegalArgumentException e) {
            return new BaselineOutcome.Unreadable(manifestAt, e.getMessage());
        }
    }
}
