package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.scan.ScanRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.lambdaguardrails.report.AccountSummary.AccountCoverage.COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardMergeTest {

    private static ScanResult shard(String runId, String shard, Instant start, Instant end, String account,
                                    List<Finding> findings) {
        ScanResult base = SampleResults.result(findings, List.of(SampleResults.account(account, COMPLETE, Map.of())),
                List.of(new Coverage(account, "eu-west-1", "lambda", "lambda:ListFunctions", CoverageStatus.OK, null)));
        var request = new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(), List.of("eu-west-1"), null, null,
                null, 0, null, shard, List.of());
        return new ScanResult(1, runId, start, end, base.tool(), base.principal(), request, base.accounts(),
                base.coverage(), base.notEvaluated(), base.findings(), base.resolved(), base.rules());
    }

    private static Finding f(String id, String ruleId, String account) {
        return SampleResults.finding(id, ruleId, Family.NETWORK, Severity.LOW, account, id, "d");
    }

    private final Instant t0 = Instant.parse("2026-11-28T02:00:00Z");

    @Test
    void unionOfShardsFromEarliestStartToLatestFinish() {
        ScanResult one = shard("run-1", "0/2", t0.plusSeconds(5), t0.plusSeconds(100), "222222222222",
                List.of(f("x2", "LG-NET-002", "222222222222"), f("x1", "LG-NET-001", "222222222222")));
        ScanResult two = shard("run-1", "1/2", t0, t0.plusSeconds(60), "111111111111",
                List.of(f("y1", "LG-NET-001", "111111111111"), f("x1", "LG-NET-001", "222222222222")));

        ScanResult merged = ShardMerge.merge(List.of(one, two));

        assertThat(merged.runId()).isEqualTo("run-1");
        assertThat(merged.startedAt()).isEqualTo(t0);
        assertThat(merged.finishedAt()).isEqualTo(t0.plusSeconds(100));
        assertThat(merged.request().shard()).isNull();
        assertThat(merged.accounts()).extracting(AccountSummary::accountId).containsExactly("111111111111", "222222222222");
        assertThat(merged.coverage()).hasSize(2);
        assertThat(merged.findings()).extracting(Finding::findingId).as("deduplicated, in rule order")
                .containsExactly("y1", "x1", "x2");
        assertThat(merged.rules()).extracting(RuleMeta::id).containsExactly("LG-NET-001", "LG-NET-002");
        assertThat(merged.notEvaluated()).hasSize(1);
    }

    @Test
    void shardsOfDifferentRunsGetANewRunId() {
        ScanResult one = shard("run-1", "0/2", t0.plusSeconds(5), t0.plusSeconds(10), "111111111111", List.of());
        ScanResult two = shard("run-2", "1/2", t0, t0.plusSeconds(10), "222222222222", List.of());

        ScanResult merged = ShardMerge.merge(List.of(one, two));

        assertThat(merged.runId()).matches("20261128T020000Z-[0-9a-f]{6}");
    }

    @Test
    void nothingToMerge() {
        assertThatThrownBy(() -> ShardMerge.merge(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
