package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.Shard;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The report layout, the same under an S3 prefix and a local folder: {@code runs/YYYY/MM/DD/<runId>/} and
 * {@code latest/}; the shards of a sharded run write under {@code shards/<runId>/<i>-of-<n>/}, a place {@code merge}
 * finds from the run id alone (a shard's own start date may differ from its neighbours').
 */
public final class ReportKeys {

    public static final String LATEST = "latest";
    public static final String SHARDS = "shards";
    /** Written last by a shard, so its presence means the shard's result is complete. */
    public static final String SHARD_MARKER = "complete.json";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    /** A run id becomes a path segment, so it may not name a parent folder or contain a separator. */
    private static final Pattern SAFE_RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ReportKeys() {
    }

    /** Where a publication writes: a shard's partial result in its shard folder, anything else in its run folder. */
    public static String folder(ScanResult result, PublishMode mode) {
        String shard = result.request() == null ? null : result.request().shard();
        return mode == PublishMode.PARTIAL && shard != null ? shardFolder(result.runId(), Shard.parse(shard))
                : runFolder(result);
    }

    /** {@code runs/YYYY/MM/DD/<runId>}, dated by the run's UTC start. */
    public static String runFolder(ScanResult result) {
        requireSafe(result.runId());
        if (result.startedAt() == null) {
            throw new IllegalArgumentException("the result has no start time");
        }
        return "runs/" + DAY.format(result.startedAt()) + "/" + result.runId();
    }

    /** {@code shards/<runId>/<i>-of-<n>}. */
    public static String shardFolder(String runId, Shard shard) {
        requireSafe(runId);
        return SHARDS + "/" + runId + "/" + shard.index() + "-of-" + shard.count();
    }

    public static String shardMarker(String runId, Shard shard) {
        return shardFolder(runId, shard) + "/" + SHARD_MARKER;
    }

    private static void requireSafe(String runId) {
        if (runId == null || !SAFE_RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id is not a safe folder name (letters, digits, '.', '_', '-')");
        }
    }

    public static String inFolder(String folder, ReportFormat format) {
        return folder + "/" + format.fileName();
    }

    public static String latest(ReportFormat format) {
        return inFolder(LATEST, format);
    }
}
