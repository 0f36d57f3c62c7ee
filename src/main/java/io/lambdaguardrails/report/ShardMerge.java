package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.rules.ExpiredWaiver;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.support.FunctionAccess;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanRequest;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Combines the partial results of a sharded scan into one: the union of accounts, coverage, findings, rules and risk
 * paths (findings deduplicated by {@code findingId}; a function lives in one account, so its risk path comes whole
 * from one shard), from the earliest start to the latest finish. Baseline marks are
 * not merged; compare the merged result with a baseline afterwards.
 */
public final class ShardMerge {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::ruleId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::accountId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::region, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::resourceArn, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::findingId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ShardMerge() {
    }

    /** Shards that share a run id keep it; otherwise the merged run gets a new id from its start time. */
    public static ScanResult merge(List<ScanResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        ScanResult first = parts.getFirst();
        Instant startedAt = parts.stream().map(ScanResult::startedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(first.startedAt());
        Instant finishedAt = parts.stream().map(ScanResult::finishedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(first.finishedAt());
        List<String> runIds = distinct(parts, p -> Stream.of(p.runId()));
        String runId = runIds.size() == 1 ? runIds.getFirst() : RunId.at(startedAt);
        String principal = String.join(", ", distinct(parts, p -> Stream.ofNullable(p.principal())));

        return new ScanResult(ScanResult.SCHEMA_VERSION, runId, startedAt, finishedAt, first.tool(),
                principal.isEmpty() ? null : principal,
                withoutShard(first.request()),
                unique(parts, ScanResult::accounts, AccountSummary::accountId).stream()
                        .sorted(Comparator.comparing(AccountSummary::accountId)).toList(),
                distinct(parts, p -> p.coverage().stream()),
                distinct(parts, p -> p.notEvaluated().stream()),
                unique(parts, ScanResult::findings, Finding::findingId).stream().sorted(ORDER).toList(),
                unique(parts, ScanResult::resolved, ResolvedFinding::findingId),
                unique(parts, ScanResult::rules, RuleMeta::id).stream()
                        .sorted(Comparator.comparing(RuleMeta::id)).toList(),
                unique(parts, ScanResult::expiredWaivers, ExpiredWaiver::waiverId),
                null,
                unique(parts, ScanResult::riskPaths, RiskPath::functionArn),
                List.of(),
                unique(parts, ScanResult::effectiveAccess, FunctionAccess::functionArn));
    }

    private static <T> List<T> distinct(List<ScanResult> parts, Function<ScanResult, Stream<T>> values) {
        return parts.stream().flatMap(values).distinct().toList();
    }

    /** The first occurrence of every key, in order of appearance. */
    private static <T> List<T> unique(List<ScanResult> parts, Function<ScanResult, List<T>> values,
                                            Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        parts.forEach(p -> values.apply(p).forEach(v -> byKey.putIfAbsent(key.apply(v), v)));
        return List.copyOf(byKey.values());
    }

    private static ScanRequest withoutShard(ScanRequest request) {
        if (request == null) {
            return null;
        }
        return new ScanRequest(request.accounts(), request.org(), request.ous(), request.excludeAccounts(),
                request.accountTags(), request.regions(), request.roleName(), request.roleArnTemplate(),
                request.externalId(), request.maxConcurrentAccounts(), request.accountTimeout(), null,
                request.rules());
    }
}
