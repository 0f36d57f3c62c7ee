package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.risk.Ingredient;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.rules.ExpiredWaiver;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.scan.ScanRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types Jackson and the run-time-parsed Qute template reach by reflection; a native image keeps them only when
 * they are listed here.
 */
@RegisterForReflection(targets = {
        ScanResult.class, ScanResult.Tool.class, ScanResult.NotEvaluated.class, AccountSummary.class,
        ResolvedFinding.class, ResolvedRiskPath.class, RiskPath.class, Ingredient.class, ExpiredWaiver.class, Finding.class, Suppression.class, Coverage.class, RuleMeta.class, ScanRequest.class,
        ReportView.class, ReportView.Header.class, ReportView.SeverityTotal.class, ReportView.FamilyTotal.class,
        ReportView.DriftSummary.class, ReportView.AccountRow.class, ReportView.FindingRow.class,
        ReportView.RuleView.class, ReportView.Reference.class, ReportView.Option.class,
        ReportView.Filters.class, ReportView.OwnerRow.class, ReportView.OuRow.class, RuleRollup.class,
        RuleRollup.TopAccount.class, FixFirst.class, FixFirst.PathView.class,
        FixFirst.Evidence.class, RuleGroup.class, HtmlReport.Assets.class,
        RunHistory.class, RunEntry.class, MonthSummary.class, RunsIndexView.class, RunsIndexView.ChartSection.class,
        RunsIndexView.RunRow.class, RunsIndexView.Count.class, RunsIndexView.Link.class, RunsIndexView.MonthRow.class,
        RunsIndexView.AccountGrowth.class, TrendChart.class, TrendChart.Bar.class, TrendChart.Label.class,
        TrendChart.Legend.class})
final class ReportReflection {
    private ReportReflection() {
    }
}
