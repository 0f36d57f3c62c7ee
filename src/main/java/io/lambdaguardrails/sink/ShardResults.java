package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.Shard;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The partial results of the N shards of one run, read from {@code shards/<runId>/} at the output once every shard
 * has written its completion marker. Waits for the markers by polling, up to a deadline, because the shards run in
 * other processes (pods of an Indexed Job, scheduled Lambda invocations) that nothing orders before the merge.
 */
public final class ShardResults {

    private static final Logger LOG = Logger.getLogger(ShardResults.class);

    private final ReportSink sink;
    private final Clock clock;
    private final Duration pollInterval;

    public ShardResults(ReportSink sink, Clock clock, Duration pollInterval) {
        this.sink = sink;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    /** Some shards had not completed when the wait ended: nothing may be published. */
    public static final class MissingShardsException extends RuntimeException {
        private final List<Shard> missing;

        MissingShardsException(String message, List<Shard> missing) {
            super(message);
            this.missing = List.copyOf(missing);
        }

        public List<Shard> missing() {
            return missing;
        }
    }

    /**
     * @param wait how long to wait for markers still missing; zero looks once
     * @throws MissingShardsException when a shard has no marker at the end of the wait
     * @throws SinkException when a result cannot be read
     */
    public List<ScanResult> await(String runId, int count, Duration wait) {
        List<Shard> shards = IntStream.range(0, count).mapToObj(i -> new Shard(i, count)).toList();
        Instant deadline = clock.instant().plus(wait);
        List<Shard> missing = missing(runId, shards);
        while (!missing.isEmpty() && clock.instant().isBefore(deadline)) {
            LOG.infof("run %s: waiting for shard(s) %s", runId, names(missing));
            sleep(Duration.ofMillis(Math.min(pollInterval.toMillis(),
                    Duration.between(clock.instant(), deadline).toMillis())));
            missing = missing(runId, missing);
        }
        if (!missing.isEmpty()) {
            throw new MissingShardsException(missing.size() + " of " + count + " shard(s) of run " + runId
                    + " did not complete" + (wait.isZero() ? "" : " within " + wait) + ": " + names(missing)
                    + " (no " + ReportKeys.SHARD_MARKER + " under " + sink.location(ReportKeys.SHARDS + "/" + runId)
                    + "); nothing was published", missing);
        }
        List<ScanResult> results = new ArrayList<>();
        for (Shard shard : shards) {
            String key = ReportKeys.inFolder(ReportKeys.shardFolder(runId, shard), ReportFormat.JSON);
            byte[] findings = sink.read(key).orElseThrow(() -> new SinkException(
                    "shard " + name(shard) + " is marked complete but " + sink.location(key) + " is missing", null));
            results.add(FindingsJson.read(findings));
        }
        return results;
    }

    private List<Shard> missing(String runId, List<Shard> shards) {
        return shards.stream().filter(shard -> sink.read(ReportKeys.shardMarker(runId, shard)).isEmpty()).toList();
    }

    private static String names(List<Shard> shards) {
        return String.join(", ", shards.stream().map(ShardResults::name).toList());
    }

    private static String name(Shard shard) {
        return shard.index() + "/" + shard.count();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkException("interrupted while waiting for shards", e);
        }
    }
}
