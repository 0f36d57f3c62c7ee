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

    RunSummary(PrintWriter out) {
        this.out = out;
    }

    void print(JobOutcome outcome) {
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
        ReportPrinter.print(out, outcome.report());
        out.printf("Exit %d: %s%n", outcome.status().code(), outcome.status().meaning());
        out.flush();
    }

}
