package io.lambdaguardrails.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.BaselineOutcome;
import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.ReportDelivery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's CloudWatch EMF line: a directive naming every metric, and the values beside it. */
class RunMetricsTest {

    @Test
    void oneEmfLineDeclaresEveryMetricAndCarriesItsValue() throws Exception {
        ScanResult typical = SampleResults.typical();
        ScanResult marked = typical.withDrift(typical.findings().stream()
                .map(f -> f.withBaseline(f.ruleId().equals("LG-ACC-001") ? Baseline.NEW : Baseline.EXISTING,
                        f.firstSeen())).toList(), List.of(), typical.riskPaths(), List.of(), "20261127T020000Z-prev");
        var report = new ReportDelivery.Outcome(marked, new BaselineOutcome.Skipped("test"),
                new Publication("runs/x", "out/runs/x", List.of(), Publication.Latest.REPLACED, null, null), List.of(), List.of(), null);
        var outcome = new JobOutcome(marked, "out/runs/x", ExitStatus.INCOMPLETE, report);

        String line = RunMetrics.emf(outcome, 42, Instant.parse("2026-11-28T02:05:00Z"));

        assertThat(line).doesNotContain("\n");
        JsonNode emf = Json.mapper().readTree(line);
        assertThat(emf.at("/_aws/Timestamp").asLong()).isEqualTo(Instant.parse("2026-11-28T02:05:00Z").toEpochMilli());
        JsonNode directive = emf.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("LambdaGuardrails");
        List<String> names = new ArrayList<>();
        directive.get("Metrics").forEach(m -> names.add(m.get("Name").asText()));
        assertThat(names).containsExactly("OpenFindingsCritical", "OpenFindingsHigh", "OpenFindingsMedium",
                "OpenFindingsLow", "OpenFindingsInfo", "NewFindings", "ResolvedFindings", "SuppressedFindings",
                "Accounts", "AccountsFullyEvaluated", "CoverageGaps", "DurationSeconds", "ApiCalls", "ExitCode");
        names.forEach(name -> assertThat(emf.get(name)).as(name).isNotNull());
        assertThat(emf.get("OpenFindingsCritical").asInt()).isEqualTo(1);
        assertThat(emf.get("OpenFindingsMedium").asInt()).isEqualTo(2);
        assertThat(emf.get("NewFindings").asInt()).isEqualTo(1);
        assertThat(emf.get("SuppressedFindings").asInt()).isEqualTo(1);
        assertThat(emf.get("AccountsFullyEvaluated").asInt()).isEqualTo(2);
        assertThat(emf.get("CoverageGaps").asInt()).isEqualTo(1);
        assertThat(emf.get("DurationSeconds").asDouble()).isEqualTo(252.0);
        assertThat(emf.get("ApiCalls").asInt()).isEqualTo(42);
        assertThat(emf.get("ExitCode").asInt()).isEqualTo(3);
    }
}
