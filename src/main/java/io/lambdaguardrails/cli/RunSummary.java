package io.lambdaguardrails.cli;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/** The compact end-of-run summary on stdout: severity totals, coverage gaps, where the reports are. */
class RunSummary {

    private final PrintWriter out;
    private final boolean quiet;

    RunSummary(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    void print(JobOutcome outcome) {
        if (quiet) {
            out.printf("Exit %d: %s%n", outcome.status().code(), outcome.status().meaning());
            out.flush();
            return;
        }
        ScanResult result = outcome.result();
        Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
        result.findings().stream().filter(Finding::open).forEach(f -> totals.merge(f.severity(), 1, Integer::sum));
        out.printf("%nRun %s: %d of %d account(s) fully evaluated%n", result.runId(),
                ScanResults.fullyEvaluated(result), result.accounts().size());
        out.printf("Open findings: %s%n", totals.isEmpty() ? "none" : totals.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
        var gaps = result.coverage().stream().filter(c -> c.status().incomplete()).toList();
        if (!gaps.isEmpty()) {
            out.printf("Coverage gaps (%d):%n", gaps.size());
            gaps.stream().limit(10).forEach(c -> out.printf("  %s %-9s %-13s %s %s%n", c.accountId(), c.region(),
                    c.status(), c.api(), c.message()));
            if (gaps.size() > 10) {
                out.printf("  … and %d more in the report%n", gaps.size() - 10);
            }
        }
        topAccounts(result);
        if (!result.expiredWaivers().isEmpty()) {
            out.printf("Expired waivers (%d) no longer suppress anything — renew or remove them:%n", result.expiredWaivers().size());
            result.expiredWaivers().forEach(w -> out.printf("  %s (owner %s, expired %s): %d finding(s) open again%n",
                    w.waiverId(), w.owner(), w.expires(), w.wouldMatch()));
        }
        ReportPrinter.print(out, outcome.report());
        out.printf("Exit %d: %s%n", outcome.status().code(), outcome.status().meaning());
        out.flush();
    }

    /** The three accounts with the most severe open findings, so the reader knows where to look first. */
    private void topAccounts(ScanResult result) {
        var worst = result.accounts().stream().filter(a -> !a.openFindings().isEmpty())
                .sorted((a, b) -> Severity.byMostSevere(b.openFindings(), a.openFindings()))
                .limit(3).toList();
        if (worst.isEmpty()) {
            return;
        }
        out.println("Most exposed accounts:");
        worst.forEach(a -> out.printf("  %-14s %-24s %s%n", a.accountId(), a.accountName(), a.openFindings().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey() + " " + e.getValue()).reduce((x, y) -> x + ", " + y).orElse("")));
    }
}
