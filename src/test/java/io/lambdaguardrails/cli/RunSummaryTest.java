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

        assertThat(print(marked)).doesNotContain("\u001b").doesNotContain("\u202E").contains("fn\\u001b[2J\\u202eexe");
    }

    private static Coverage assumeRole(String account, CoverageStatus status) {
        return new Coverage(account, Coverage.GLOBAL, "sts", "sts:AssumeRole", status, status.name());
    }

    private static String print(ScanResult result) {
        StringWriter text = new StringWriter();
        var report = new ReportDelivery.Outcome(result, new BaselineOutcome.Skipped("test"),
                new Publication("runs/x", "/tmp/reports/runs/x", List.of(), Publication.Latest.REPLACED, null, null), List.of(), List.of());
        new RunSummary(new PrintWriter(text), false).print(new JobOutcome(result, "/tmp/reports", ExitStatus.OK, report));
        return text.toString();
    }
}
