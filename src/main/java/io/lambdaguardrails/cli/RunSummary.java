package io.lambdaguardrails.cli;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.report.OwnerRollup;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.text.DisplayText;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The compact end-of-run summary on stdout: severity totals, coverage gaps, where the reports are. */
class RunSummary {

    private static final String MEMBER_ROLE_API = "sts:AssumeRole";
    private static final int TOP_NEW = 5;

    private final PrintWriter out;
    private final boolean quiet;
    private final boolean links;

    /** @param links whether to print pre-signed links: only for a person at a terminal, never into a log */
    RunSummary(PrintWriter out, boolean quiet, boolean links) {
        this.out = out;
        this.quiet = quiet;
        this.links = links;
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
        changeSincePreviousRun(outcome, totals);
        sinceLastRun(result);
        var gaps = result.coverage().stream().filter(c -> c.status().incomplete()).toList();
        if (!gaps.isEmpty()) {
            out.printf("Coverage gaps (%d):%n", gaps.size());
            gaps.stream().limit(10).forEach(c -> out.printf("  %s %-9s %-13s %s %s%n", c.accountId(), c.region(),
                    c.status(), c.api(), c.message()));
            if (gaps.size() > 10) {
                out.printf("  … and %d more in the report%n", gaps.size() - 10);
            }
        }
        deniedMemberRole(result);
        riskPaths(result);
        topAccounts(result);
        if (!result.expiredWaivers().isEmpty()) {
            out.printf("Expired waivers (%d) no longer suppress anything — renew or remove them:%n", result.expiredWaivers().size());
            result.expiredWaivers().forEach(w -> out.printf("  %s (owner %s, expired %s): %d finding(s) open again%n",
                    w.waiverId(), w.owner(), w.expires(), w.wouldMatch()));
        }
        ReportPrinter.print(out, outcome.report(), links);
        out.printf("Exit %d: %s%n", outcome.status().code(), outcome.status().meaning());
        out.flush();
    }

    /** Open findings by severity against the run before this one in history.json, when the history has one. */
    private void changeSincePreviousRun(JobOutcome outcome, Map<Severity, Integer> totals) {
        var history = outcome.report() == null ? null : outcome.report().history();
        if (history == null || history.previous() == null) {
            return;
        }
        var previous = history.previous();
        int total = totals.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("Change since run %s: open %+d (%d to %d); %s%n", previous.runId(), total - previous.openTotal(),
                previous.openTotal(), total, java.util.stream.Stream.of(Severity.values())
                        .sorted(java.util.Comparator.reverseOrder())
                        .map(s -> s + " " + String.format("%+d", totals.getOrDefault(s, 0) - previous.open(s)))
                        .reduce((a, b) -> a + ", " + b).orElse(""));
    }

    /** New and resolved counts, then the worst new findings: what changed is what a daily reader acts on. */
    private void sinceLastRun(ScanResult result) {
        List<Finding> newOpen = result.findings().stream().filter(f -> f.open() && f.baseline() == Baseline.NEW)
                .sorted(Comparator.comparing(Finding::severity, Comparator.reverseOrder())
                        .thenComparing(Finding::accountId).thenComparing(Finding::ruleId))
                .toList();
        if (result.baselineRunId() == null) {
            if (!result.findings().isEmpty() && result.findings().stream().allMatch(f -> f.baseline() == Baseline.NEW)) {
                out.println("No earlier run at this output: every finding is new.");
            }
            return;
        }
        out.printf("Since run %s: %d new open finding(s), %d resolved%n", result.baselineRunId(), newOpen.size(),
                result.resolved().size());
        newOpen.stream().limit(TOP_NEW).forEach(f -> out.printf("  NEW %-8s %s %s %s %s%n", f.severity(),
                f.accountId(), DisplayText.escape(f.resourceName()), f.ruleId(), f.title()));
        if (newOpen.size() > TOP_NEW) {
            out.printf("  … and %d more new in the report%n", newOpen.size() - TOP_NEW);
        }
    }

    /**
     * When no member account let the scan in, the cause is almost always the role, not the accounts: say which role
     * was asked for and how to provide or choose one.
     */
    private void deniedMemberRole(ScanResult result) {
        var attempts = result.coverage().stream().filter(c -> MEMBER_ROLE_API.equals(c.api())).toList();
        if (attempts.isEmpty() || !attempts.stream().allMatch(c -> c.status() == CoverageStatus.ACCESS_DENIED)) {
            return;
        }
        String role = result.request().roleArnTemplate() != null ? result.request().roleArnTemplate()
                : result.request().roleName();
        out.printf("Every member account (%d) denied the member role %s: deploy it to the members "
                + "(src/main/cloudformation/member-role.yaml as a StackSet), or name a role they have with "
                + "--role-name, e.g. --role-name OrganizationAccountAccessRole%n", attempts.size(), role);
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
        worst.forEach(a -> out.printf("  %-14s %-24s %s%n", a.accountId(), DisplayText.escape(a.accountName()), a.openFindings().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                .map(e -> e.getKey() + " " + e.getValue()).reduce((x, y) -> x + ", " + y).orElse("")));
    }

    /** The five highest risk paths, one line each, and the three worst owners. */
    void riskPaths(ScanResult result) {
        if (result.riskPaths().isEmpty()) {
            return;
        }
        out.printf("Fix first (%d risk path(s)):%n", result.riskPaths().size());
        result.riskPaths().stream().limit(5).forEach(p -> out.printf("  %-8s %4d  %s %s  %s%n", p.tier(), p.score(),
                p.accountId(), p.region(), DisplayText.escape(p.chain())));
        out.println("Worst owners:");
        OwnerRollup.of(result).stream().limit(3).forEach(o -> out.printf("  %-24s risk paths %s; open findings %s%n",
                DisplayText.escape(o.owner()), tally(o.riskPaths()), tally(o.openFindings())));
    }

    /** "CRITICAL 2, HIGH 1": counts from the most severe down; "none" when there are none. */
    private static <K extends Comparable<K>> String tally(Map<K, Integer> counts) {
        return counts.isEmpty() ? "none" : counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }
}
