package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.risk.RiskPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.lambdaguardrails.report.AccountSummary.AccountCoverage.COMPLETE;
import static io.lambdaguardrails.report.AccountSummary.AccountCoverage.NOT_EVALUATED;
import static io.lambdaguardrails.report.AccountSummary.AccountCoverage.PARTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DriftTest {

    private static final String A = "111111111111";
    private static final String B = "222222222222";

    private static Finding finding(String id, String account, String region, LocalDate firstSeen) {
        Finding f = SampleResults.finding(id, "LG-NET-003", Family.NETWORK, Severity.MEDIUM, account, id, "detail " + id);
        return new Finding(f.findingId(), f.ruleId(), f.title(), f.family(), f.severity(), f.status(), f.accountId(),
                f.accountName(), f.ouPath(), f.owner(), region, f.resourceType(), f.resourceArn(), f.resourceName(),
                f.related(), f.detail(), f.remediation(), firstSeen, null, null);
    }

    private static ScanResult run(List<Finding> findings, List<AccountSummary> accounts, List<Coverage> coverage) {
        return SampleResults.result(findings, accounts, coverage);
    }

    @Test
    void marksNewAndExistingAndKeepsTheFirstSeenDate() {
        LocalDate lastMonth = LocalDate.parse("2026-10-28");
        ScanResult baseline = run(List.of(finding("kept", A, "eu-west-1", lastMonth),
                finding("fixed", A, "eu-west-1", lastMonth)), List.of(), List.of());
        ScanResult current = run(List.of(finding("kept", A, "eu-west-1", SampleResults.TODAY),
                finding("broken", A, "eu-west-1", SampleResults.TODAY)),
                List.of(SampleResults.account(A, COMPLETE, Map.of())), List.of());

        ScanResult marked = Drift.compare(current, baseline);

        assertThat(marked.findings()).extracting(Finding::findingId, Finding::baseline, Finding::firstSeen)
                .containsExactly(
                        tuple("kept", Baseline.EXISTING, lastMonth),
                        tuple("broken", Baseline.NEW, SampleResults.TODAY));
        assertThat(marked.resolved()).containsExactly(new ResolvedFinding("fixed", "LG-NET-003", A, "eu-west-1",
                "arn:aws:lambda:eu-west-1:" + A + ":function:fixed", "fixed", "detail fixed", lastMonth, Severity.MEDIUM));
        assertThat(marked.baselineRunId()).isEqualTo(baseline.runId());
        assertThat(marked.riskPaths()).extracting(RiskPath::functionName, RiskPath::baseline)
                .containsExactlyInAnyOrder(tuple("kept", Baseline.EXISTING), tuple("broken", Baseline.NEW));
        assertThat(marked.resolvedRiskPaths()).extracting(ResolvedRiskPath::functionName).containsExactly("fixed");
    }

    static Stream<Arguments> resolvedOnlyWithEvidence() {
        Coverage deniedInRegion = new Coverage(A, "eu-west-1", "network", "ec2:DescribeVpcs", CoverageStatus.ACCESS_DENIED, "AccessDenied");
        Coverage deniedElsewhere = new Coverage(A, "us-east-1", "network", "ec2:DescribeVpcs", CoverageStatus.ACCESS_DENIED, "AccessDenied");
        Coverage globalTimeout = new Coverage(A, Coverage.GLOBAL, "iam", "iam:GetAccountAuthorizationDetails", CoverageStatus.TIMEOUT, null);
        Coverage unsupported = new Coverage(A, "eu-west-1", "analyzer", "access-analyzer:ListAnalyzers", CoverageStatus.UNSUPPORTED, null);
        return Stream.of(
                Arguments.of("account entered, nothing failed", List.of(SampleResults.account(A, COMPLETE, Map.of())), List.of(), true),
                Arguments.of("an API the baseline read is unsupported now", List.of(SampleResults.account(A, COMPLETE, Map.of())), List.of(unsupported), false),
                Arguments.of("failure in another region", List.of(SampleResults.account(A, PARTIAL, Map.of())), List.of(deniedElsewhere), true),
                Arguments.of("failure in the finding's region", List.of(SampleResults.account(A, PARTIAL, Map.of())), List.of(deniedInRegion), false),
                Arguments.of("failure of the account's global data", List.of(SampleResults.account(A, PARTIAL, Map.of())), List.of(globalTimeout), false),
                Arguments.of("account could not be entered", List.of(SampleResults.account(A, NOT_EVALUATED, Map.of())), List.of(), false),
                Arguments.of("account out of this run's scope", List.of(SampleResults.account(B, COMPLETE, Map.of())), List.of(), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void resolvedOnlyWithEvidence(String name, List<AccountSummary> accounts, List<Coverage> coverage, boolean resolved) {
        ScanResult baseline = run(List.of(finding("gone", A, "eu-west-1", SampleResults.TODAY)), List.of(), List.of());

        ScanResult marked = Drift.compare(run(List.of(), accounts, coverage), baseline);

        assertThat(marked.resolved()).extracting(ResolvedFinding::findingId)
                .isEqualTo(resolved ? List.of("gone") : List.of());
    }

    @Test
    void anApiUnsupportedInBothRunsDoesNotStopResolving() {
        Coverage unsupported = new Coverage(A, "eu-west-1", "analyzer", "access-analyzer:ListAnalyzers", CoverageStatus.UNSUPPORTED, null);
        ScanResult baseline = run(List.of(finding("gone", A, "eu-west-1", SampleResults.TODAY)), List.of(), List.of(unsupported));

        ScanResult marked = Drift.compare(run(List.of(), List.of(SampleResults.account(A, COMPLETE, Map.of())), List.of(unsupported)), baseline);

        assertThat(marked.resolved()).extracting(ResolvedFinding::findingId).containsExactly("gone");
    }

    @Test
    void firstRunMarksEverythingNew() {
        ScanResult marked = Drift.firstRun(SampleResults.typical());

        assertThat(marked.findings()).extracting(Finding::baseline).containsOnly(Baseline.NEW);
        assertThat(marked.resolved()).isEmpty();
        assertThat(marked.baselineRunId()).isNull();
    }

    @Test
    void comparingAgainAgainstTheSameBaselineGivesTheSameResult() {
        ScanResult baseline = SampleResults.typical();
        ScanResult once = Drift.compare(SampleResults.many(20), baseline);

        assertThat(Drift.compare(once, baseline)).isEqualTo(once);
    }
}
