package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.risk.RiskPath;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Marks a run's findings against a baseline run by their stable {@code findingId}: NEW or EXISTING (keeping the
 * baseline's {@code firstSeen}), and lists the baseline's findings that are gone as resolved. Risk paths are marked
 * the same way by their function's ARN.
 *
 * <p>A finding only counts as resolved where this run had the evidence to say so: its account was entered and no
 * collector failed for its region (or for the account's global data), and no operation the baseline read there came
 * back UNSUPPORTED this time (an endpoint that stops answering an operation has not fixed what that operation showed).
 * A finding in an account that was out of scope, or could not be read this time, is neither reported nor resolved —
 * absence of data is not a fix. Nor is a finding of a rule that said it could not judge that account and region.
 */
public final class Drift {

    private Drift() {
    }

    /** No earlier run to compare with: every finding is new. */
    public static ScanResult firstRun(ScanResult current) {
        return current.withDrift(current.findings().stream().map(f -> f.withBaseline(Baseline.NEW, f.firstSeen())).toList(),
                List.of(), current.riskPaths().stream().map(p -> p.withBaseline(Baseline.NEW)).toList(), List.of(), null);
    }

    public static ScanResult compare(ScanResult current, ScanResult baseline) {
        Map<String, Finding> before = baseline.findings().stream()
                .collect(Collectors.toMap(Finding::findingId, Function.identity(), (a, b) -> a));
        var marked = current.findings().stream().map(f -> mark(f, before.get(f.findingId()))).toList();
        Set<String> now = current.findings().stream().map(Finding::findingId).collect(Collectors.toSet());
        var evidence = new Evidence(current, baseline);
        var resolved = baseline.findings().stream()
                .filter(f -> !now.contains(f.findingId()))
                .filter(evidence::covers)
                .map(f -> new ResolvedFinding(f.findingId(), f.ruleId(), f.accountId(), f.region(), f.resourceArn(),
                        f.resourceName(), f.detail(), f.firstSeen(), f.severity()))
                .toList();
        Set<String> pathsBefore = baseline.riskPaths().stream().map(RiskPath::functionArn).collect(Collectors.toSet());
        Set<String> pathsNow = current.riskPaths().stream().map(RiskPath::functionArn).collect(Collectors.toSet());
        var markedPaths = current.riskPaths().stream()
                .map(p -> p.withBaseline(pathsBefore.contains(p.functionArn()) ? Baseline.EXISTING : Baseline.NEW))
                .toList();
        var resolvedPaths = baseline.riskPaths().stream()
                .filter(p -> !pathsNow.contains(p.functionArn()))
                .filter(p -> evidence.covers(p.accountId(), p.region()))
                .map(p -> new ResolvedRiskPath(p.functionArn(), p.functionName(), p.accountId(), p.region(), p.score(),
                        p.tier(), p.chain()))
                .toList();
        return current.withDrift(marked, resolved, markedPaths, resolvedPaths, baseline.runId());
    }

    private static Finding mark(Finding finding, Finding previous) {
        if (previous == null) {
            return finding.withBaseline(Baseline.NEW, finding.firstSeen());
        }
        return finding.withBaseline(Baseline.EXISTING, earlier(previous.firstSeen(), finding.firstSeen()));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    /** Where the current run could have seen a finding, had it still been there. */
    private static final class Evidence {
        private final Set<String> enteredAccounts;
        private final Set<String> failedScopes;
        private final Set<String> unjudged;

        Evidence(ScanResult current, ScanResult baseline) {
            enteredAccounts = current.accounts().stream()
                    .filter(a -> a.coverage() != AccountSummary.AccountCoverage.NOT_EVALUATED)
                    .map(AccountSummary::accountId)
                    .collect(Collectors.toSet());
            Set<Operation> unsupportedBefore = baseline.coverage().stream()
                    .filter(c -> c.status() == CoverageStatus.UNSUPPORTED)
                    .map(Operation::of)
                    .collect(Collectors.toSet());
            failedScopes = current.coverage().stream()
                    .filter(c -> c.status().incomplete()
                            || c.status() == CoverageStatus.UNSUPPORTED && !unsupportedBefore.contains(Operation.of(c)))
                    .map(c -> scope(c.accountId(), c.region()))
                    .collect(Collectors.toSet());
            unjudged = current.notEvaluated().stream().filter(n -> n.ruleId() != null)
                    .map(n -> n.ruleId() + "/" + scope(n.accountId(), n.region()))
                    .collect(Collectors.toSet());
        }

        boolean covers(Finding finding) {
            return covers(finding.accountId(), finding.region())
                    && !unjudged.contains(finding.ruleId() + "/" + scope(finding.accountId(), finding.region()));
        }

        boolean covers(String accountId, String region) {
            return enteredAccounts.contains(accountId)
                    && !failedScopes.contains(scope(accountId, region))
                    && !failedScopes.contains(scope(accountId, Coverage.GLOBAL));
        }

        /** One operation in one (account, region). */
        private record Operation(String accountId, String region, String api) {
            static Operation of(Coverage c) {
                return new Operation(c.accountId(), c.region(), c.api());
            }
        }

        private static String scope(String accountId, String region) {
            return accountId + "/" + region;
        }
    }
}
