package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.AccountSummary.AccountCoverage;
import io.lambdaguardrails.risk.RiskPaths;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.Evaluation;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.scan.ScanRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Assembles the {@link ScanResult} of a run from what was collected and what the rules found. */
public final class ScanResults {

    private ScanResults() {
    }

    /** @param weights how the functions' findings are scored into risk paths */
    public static ScanResult of(Snapshot snapshot, ScanRequest request, Instant startedAt, Instant finishedAt,
                                ScanResult.Tool tool, Evaluation evaluation, Collection<RuleMeta> catalogue,
                                RiskWeights weights) {
        List<Finding> findings = evaluation.findings();
        Set<String> fired = findings.stream().map(Finding::ruleId).collect(Collectors.toSet());
        List<RuleMeta> rules = catalogue.stream().filter(r -> fired.contains(r.id())).toList();
        return new ScanResult(ScanResult.SCHEMA_VERSION, snapshot.runId(), startedAt, finishedAt, tool,
                snapshot.principal(), request, summaries(snapshot, findings, evaluation.notEvaluated()), snapshot.coverage(),
                notEvaluated(snapshot.coverage(), evaluation.notEvaluated(), catalogue), findings, List.of(), rules,
                evaluation.expiredWaivers(), null,
                new RiskPaths(weights).of(findings), List.of(), evaluation.effectiveAccess());
    }

    /**
     * An account is COMPLETE only when every collector succeeded there and every rule could judge it: a rule that
     * could not ({@code unjudged}) leaves it PARTIAL, as a failed collector does.
     */
    static List<AccountSummary> summaries(Snapshot snapshot, List<Finding> findings, List<NotEvaluated> unjudged) {
        Map<String, List<Finding>> byAccount = findings.stream().collect(Collectors.groupingBy(Finding::accountId));
        Set<String> incomplete = Stream.concat(
                snapshot.coverage().stream().filter(c -> c.status().incomplete()).map(Coverage::accountId),
                unjudged.stream().map(NotEvaluated::accountId)).collect(Collectors.toSet());
        return snapshot.accounts().stream().map(a -> {
            Map<Severity, Integer> open = new EnumMap<>(Severity.class);
            byAccount.getOrDefault(a.accountId(), List.of()).stream().filter(Finding::open)
                    .forEach(f -> open.merge(f.severity(), 1, Integer::sum));
            var org = snapshot.org().account(a.accountId());
            AccountCoverage coverage = !a.evaluable() ? AccountCoverage.NOT_EVALUATED
                    : incomplete.contains(a.accountId()) ? AccountCoverage.PARTIAL : AccountCoverage.COMPLETE;
            return new AccountSummary(a.accountId(), a.accountName(), org.map(OrgAccount::ouPath).orElse(""),
                    coverage, a.regions().stream().map(RegionInventory::region).toList(),
                    a.regions().stream().mapToInt(r -> r.functions().size()).sum(), open, a.startedAt(), a.finishedAt());
        }).toList();
    }

    /** Every gap in collection, said as what the rules could not look at, then every scope a rule could not judge. */
    static List<ScanResult.NotEvaluated> notEvaluated(List<Coverage> coverage, List<NotEvaluated> byRules,
                                                      Collection<RuleMeta> catalogue) {
        Map<String, String> titles = catalogue.stream().collect(Collectors.toMap(RuleMeta::id, RuleMeta::title, (a, b) -> a));
        return Stream.concat(
                coverage.stream().filter(c -> c.status() != CoverageStatus.OK)
                        .map(c -> new ScanResult.NotEvaluated(c.accountId(), c.region(), c.collector() + " (" + c.api() + ")",
                                c.status() + (c.message().isEmpty() ? "" : ": " + c.message()))),
                byRules.stream().map(n -> new ScanResult.NotEvaluated(n.accountId(), n.region(),
                        (n.ruleId() + " " + titles.getOrDefault(n.ruleId(), "")).strip(), n.reason(), n.ruleId())))
                .toList();
    }

    /** For the headline "N of M accounts fully evaluated". */
    public static long fullyEvaluated(ScanResult result) {
        return result.accounts().stream().filter(a -> a.coverage() == AccountCoverage.COMPLETE).count();
    }
}
