package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskTier;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run in {@code history.json}: what a person needs to see a trend, counted from the run's result. Open counts
 * leave suppressed findings out. {@code highCriticalByAccount} holds the open HIGH and CRITICAL findings of each
 * account that has any (an account not named had none, or was not scanned); {@code reports} maps a report's file name
 * to its key under the output ({@code runs/YYYY/MM/DD/<runId>/report.html}), so links stay relative.
 */
public record RunEntry(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        int accountsScanned,
        int accountsFullyEvaluated,
        Map<Severity, Integer> open,
        Map<Family, Integer> openByFamily,
        int newFindings,
        int resolvedFindings,
        String baselineRunId,
        Map<RiskTier, Integer> riskPaths,
        int coverageGaps,
        Map<String, Integer> highCriticalByAccount,
        Map<String, String> reports) {

    public RunEntry {
        open = Map.copyOf(open);
        openByFamily = Map.copyOf(openByFamily);
        riskPaths = riskPaths == null ? Map.of() : Map.copyOf(riskPaths);
        highCriticalByAccount = highCriticalByAccount == null ? Map.of() : Map.copyOf(highCriticalByAccount);
        reports = Map.copyOf(reports);
    }

    /**
     * @param runFolder   the run's folder under the output
     * @param reportFiles the file names written there ({@code report.html}, {@code findings.json}, …)
     */
    public static RunEntry of(ScanResult result, String runFolder, List<String> reportFiles) {
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        Map<Family, Integer> byFamily = new EnumMap<>(Family.class);
        Map<String, Integer> byAccount = new TreeMap<>();
        int newOpen = 0;
        for (Finding f : result.findings()) {
            if (!f.open()) {
                continue;
            }
            open.merge(f.severity(), 1, Integer::sum);
            byFamily.merge(f.family(), 1, Integer::sum);
            if (f.severity().atLeast(Severity.HIGH)) {
                byAccount.merge(f.accountId(), 1, Integer::sum);
            }
            if (f.baseline() == Baseline.NEW) {
                newOpen++;
            }
        }
        Map<RiskTier, Integer> tiers = new EnumMap<>(RiskTier.class);
        for (RiskPath path : result.riskPaths()) {
            tiers.merge(path.tier(), 1, Integer::sum);
        }
        Map<String, String> reports = new TreeMap<>();
        reportFiles.forEach(file -> reports.put(file, runFolder + "/" + file));
        return new RunEntry(result.runId(), result.startedAt(), result.finishedAt(), result.accounts().size(),
                (int) ScanResults.fullyEvaluated(result), open, byFamily, newOpen, result.resolved().size(),
                result.baselineRunId(), tiers, (int) result.coverage().stream().filter(c -> c.status().incomplete()).count(),
                byAccount, reports);
    }

    public int openTotal() {
        return open.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int open(Severity severity) {
        return open.getOrDefault(severity, 0);
    }

    public int highCritical(String accountId) {
        return highCriticalByAccount.getOrDefault(accountId, 0);
    }
}
