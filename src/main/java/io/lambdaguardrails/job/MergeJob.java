package io.lambdaguardrails.job;

import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ShardMerge;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.sink.ShardResults;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The partial results of a sharded scan combined into one result and published like a scan's ({@code merge}). */
public final class MergeJob {

    private final ReportDelivery delivery;
    private final FindingsInputs inputs;
    private final Clock clock;

    /** @param s3 the caller's S3 access, for {@code s3://} inputs and outputs */
    public MergeJob(S3Access s3, Clock clock) {
        this.delivery = new ReportDelivery(s3);
        this.inputs = new FindingsInputs(s3);
        this.clock = clock;
    }

    /**
     * @param parts  how many partial results were merged
     * @param merged their union, before the comparison with the baseline
     */
    public record Merged(int parts, ScanResult merged, JobOutcome outcome) {
    }

    /**
     * @param locations findings.json files, or folders and s3:// prefixes ending in / standing for those below them
     * @throws UnusableInput when a location cannot be read or none holds a findings.json
     */
    public Merged merge(List<String> locations, ReportDelivery.Options options) {
        List<ScanResult> parts = locations.stream().flatMap(location -> inputs.expand(location).stream()).distinct()
                .map(inputs::read).toList();
        if (parts.isEmpty()) {
            throw new UnusableInput("no findings.json found in " + String.join(", ", locations));
        }
        return publish(parts, options);
    }

    /**
     * The shards of run {@code runId}, read from shards/&lt;runId&gt;/ at the output once all {@code shards} have
     * completed.
     *
     * @throws ShardResults.MissingShardsException when a shard has not completed at the end of {@code wait}
     */
    public Merged mergeRun(String runId, int shards, Duration wait, Duration pollInterval, ReportDelivery.Options options) {
        return publish(new ShardResults(delivery.open(options), clock, pollInterval).await(runId, shards, wait), options);
    }

    private Merged publish(List<ScanResult> parts, ReportDelivery.Options options) {
        ScanResult merged = ShardMerge.merge(parts);
        ReportDelivery.Outcome report = delivery.deliver(merged, options);
        ExitStatus status = report.delivered() ? ExitStatus.OK : ExitStatus.NOT_DELIVERED;
        return new Merged(parts.size(), merged,
                new JobOutcome(report.published(), report.publication().location(), status, report));
    }
}
