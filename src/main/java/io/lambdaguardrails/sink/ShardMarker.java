package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.Shard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The object a shard writes after its partial result: its presence tells {@code merge} the shard's findings.json is
 * complete; its content is for people looking at the run's prefix.
 */
public record ShardMarker(String runId, String shard, Instant finishedAt, int accounts, int findings) {

    static ShardMarker of(ScanResult result) {
        return new ShardMarker(result.runId(), result.request().shard(), result.finishedAt(), result.accounts().size(),
                result.findings().size());
    }

    Shard parsedShard() {
        return Shard.parse(shard);
    }

    byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
