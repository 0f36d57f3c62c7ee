package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** The report layout, the same under an S3 prefix and a local folder: {@code runs/YYYY/MM/DD/<runId>/} and {@code latest/}. */
public final class ReportKeys {

    public static final String LATEST = "latest";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    /** A run id becomes a path segment, so it may not name a parent folder or contain a separator. */
    private static final Pattern SAFE_RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ReportKeys() {
    }

    /** {@code runs/YYYY/MM/DD/<runId>}, dated by the run's UTC start. */
    public static String runFolder(ScanResult result) {
        if (result.runId() == null || !SAFE_RUN_ID.matcher(result.runId()).matches()) {
            throw new IllegalArgumentException("run id is not a safe folder name (letters, digits, '.', '_', '-')");
        }
        if (result.startedAt() == null) {
            throw new IllegalArgumentException("the result has no start time");
        }
        return "runs/" + DAY.format(result.startedAt()) + "/" + result.runId();
    }

    public static String inFolder(String folder, ReportFormat format) {
        return folder + "/" + format.fileName();
    }

    public static String latest(ReportFormat format) {
        return inFolder(LATEST, format);
    }
}
