package io.lambdaguardrails.cli;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.report.Drift;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.BaselineOutcome;
import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.ReportDelivery;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-of-run summary says first what changed, and names the member role when no member let the scan in. */
class RunSummaryTest {

    @Test
    void printsNewAndResolvedCountsAndTheWorstNewFindingsFirst() {
        ScanResult current = SampleResults.typical();
        Finding gone = SampleResults.finding("LG-IAM-001-zzzz", "LG-IAM-001", Family.IAM, Severity.MEDIUM,
                "111111111111", "gone-fn", "shared role");
        ScanResult baseline = SampleResults.result(List.of(gone, current.findings().getFirst()), current.accounts(),
                current.coverage());

        List<String> lines = print(Drift.compare(current, baseline)).lines().toList();

        int since = lines.indexOf("Since run 20261128T020000Z-a1b2c3: 4 new open finding(s), 1 resolved");
        assertThat(since).as("summary: %s", lines).isPositive();
        assertThat(lines.subList(since + 1, since + 5)).containsExactly(
                "  NEW HIGH     222222222222 old-fn LG-RUN-003 Title of LG-RUN-003",
                "  NEW MEDIUM   111111111111 vpc-fn LG-NET-003 Title of LG-NET-003",
                "  NEW MEDIUM   222222222222 other-fn LG-NET-003 Title of LG-NET-003",
                "  NEW LOW      222222222222 quiet-fn LG-OPS-003 Title of LG-OPS-003");
    }

    @Test
    void namesTheRoleWhenEveryMemberDeniedIt() {
        ScanResult denied = SampleResults.result(List.of(), List.of(), List.of(
                assumeRole("111111111111", CoverageStatus.ACCESS_DENIED),
                assumeRole("222222222222", CoverageStatus.ACCESS_DENIED)));
        ScanResult oneEntered = SampleResults.result(List.of(), List.of(), List.of(
                assumeRole("111111111111", CoverageStatus.ACCESS_DENIED),
                assumeRole("222222222222", CoverageStatus.OK)));

        assertThat(print(denied)).contains("Every member account (2) denied the member role LambdaGuardrailsReadOnly")
                .contains("--role-name OrganizationAccountAccessRole");
        assertThat(print(oneEntered)).doesNotContain("denied the member role");
    }

    @Test
    void controlCharactersInNamesDoNotReachTheTerminal() {
        ScanResult current = SampleResults.typical();
        Finding hostile = SampleResults.finding("LG-ACC-001-hhhh", "LG-ACC-001", Family.ACCESS, Severity.CRITICAL,
                "111111111111", "fn\u001b[2J\u202Eexe", "x");
        ScanResult marked = Drift.compare(SampleResults.result(List.of(hostile), current.accounts(), List.of()),
                SampleResults.result(List.of(), current.accounts(), List.of()));

        assertThat(print(marked)).doesNotContain("\u001b").doesNotContain("\u202E").contains("fn\\u001B[2J\\u202Eexe");
    }

    @Test
    void printsTheChangeInOpenFindingsSinceThePreviousRunInTheHistory() {
        ScanResult result = SampleResults.typical();
        var previous = new io.lambdaguardrails.report.RunEntry("20261127T020000Z-prev01",
                java.time.Instant.parse("2026-11-27T02:00:00Z"), java.time.Instant.parse("2026-11-27T02:05:00Z"), 3, 3,
                java.util.Map.of(Severity.CRITICAL, 5, Severity.LOW, 1), java.util.Map.of(), 0, 0, null,
                java.util.Map.of(), 0, java.util.Map.of(), java.util.Map.of());
        var history = new io.lambdaguardrails.sink.RunHistoryStore.Update(null, previous, 0, List.of(), null);
        StringWriter text = new StringWriter();
        var report = new ReportDelivery.Outcome(result, new BaselineOutcome.Skipped("test"),
                new Publication("runs/x", "/tmp/reports/runs/x", List.of(), Publication.Latest.REPLACED, null, null),
                List.of(), List.of(), history);
        new RunSummary(new PrintWriter(text), false, false).print(new JobOutcome(result, "/tmp/reports", ExitStatus.OK, report));

        int open = (int) result.findings().stream().filter(Finding::open).count();
        int critical = (int) result.findings().stream().filter(f -> f.open() && f.severity() == Severity.CRITICAL).count();
        assertThat(text.toString()).contains(String.format("Change since run 20261127T020000Z-prev01: open %+d (6 to %d); CRITICAL %+d,",
                open - 6, open, critical - 5));
        assertThat(print(result)).as("without a history").doesNotContain("Change since run");
    }

    private static Coverage assumeRole(String account, CoverageStatus status) {
        return new Coverage(account, Coverage.GLOBAL, "sts", "sts:AssumeRole", status, status.name());
    }

    private static String print(ScanResult result) {
        StringWriter text = new StringWriter();
        var report = new ReportDelivery.Outcome(result, new BaselineOutcome.Skipped("test"),
                new Publication("runs/x", "/tmp/reports/runs/x", List.of(), Publication.Latest.REPLACED, null, null), List.of(), List.of(), null);
        new RunSummary(new PrintWriter(text), false, false).print(new JobOutcome(result, "/tmp/reports", ExitStatus.OK, report));
        return text.toString();
    }

    private static Finding owned(Finding f, String owner) {
        return new Finding(f.findingId(), f.ruleId(), f.title(), f.family(), f.severity(), f.status(), f.accountId(),
                f.accountName(), f.ouPath(), owner, f.region(), f.resourceType(), f.resourceArn(), f.resourceName(),
                f.related(), f.detail(), f.remediation(), f.firstSeen(), f.baseline(), f.suppression());
    }

    private static Finding finding(String ruleId, String function, String owner) {
        return owned(SampleResults.finding(ruleId + "-" + function, ruleId, Family.ACCESS, Severity.HIGH,
                "111111111111", function, "d"), owner);
    }

    private static List<String> riskSummaryLines(ScanResult result) {
        var text = new StringWriter();
        new RunSummary(new PrintWriter(text), false, false).riskPaths(result);
        return text.toString().lines().toList();
    }

    @Test
    void showsTheTopFivePathsAndTheWorstOwners() {
        List<Finding> findings = new ArrayList<>(List.of(
                finding("LG-ACC-001", "open-admin", "payments"), finding("LG-IAM-002", "open-admin", "payments"),
                finding("LG-ACC-002", "public\u001b[2Jurl", null), finding("LG-RUN-003", "old-1", "web"),
                finding("LG-RUN-003", "old-2", "web"), finding("LG-RUN-003", "old-3", "web"),
                finding("LG-SIG-001", "unsigned", "web")));
        ScanResult result = SampleResults.result(findings, List.of(), List.of());

        List<String> lines = riskSummaryLines(result);

        assertThat(lines.getFirst()).isEqualTo("Fix first (6 risk path(s)):");
        assertThat(lines.subList(1, 6)).hasSize(5).allMatch(l -> l.startsWith("  "));
        assertThat(lines.get(1)).contains("CRITICAL", " 140 ", "open-admin → execution role with administrator access");
        assertThat(lines.get(2)).contains("MEDIUM", "anyone on the internet → function URL (AuthType NONE) → public\\u001B[2Jurl");
        assertThat(lines).noneMatch(l -> l.contains("\u001b"));
        assertThat(lines.get(6)).isEqualTo("Worst owners:");
        assertThat(lines.subList(7, 10)).extracting(l -> l.trim().split("\\s+")[0])
                .containsExactly("payments", "unowned", "web");
        assertThat(lines.get(7)).contains("risk paths CRITICAL 1", "open findings HIGH 2");
    }
}
