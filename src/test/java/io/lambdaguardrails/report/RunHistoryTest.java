package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskTier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunHistoryTest {

    private static final Instant DAY0 = Instant.parse("2025-01-01T02:00:00Z");

    /** A run of day {@code day} after 2025-01-01 with {@code critical} open CRITICAL findings in account 111… . */
    static RunEntry run(int day, int critical) {
        Instant start = DAY0.plus(Duration.ofDays(day));
        String id = String.format("run-%04d", day);
        return new RunEntry(id, start, start.plusSeconds(300), 3, 2, Map.of(Severity.CRITICAL, critical, Severity.LOW, 1),
                Map.of(Family.ACCESS, critical + 1), 1, 2, null, Map.of(RiskTier.HIGH, 1), 1,
                critical == 0 ? Map.of() : Map.of("111111111111", critical),
                Map.of("report.html", "runs/x/" + id + "/report.html"));
    }

    @Test
    void anEntryCountsWhatTheRunLeftOpen() {
        ScanResult result = SampleResults.typical();

        RunEntry entry = RunEntry.of(result, "runs/2026/11/28/" + result.runId(), List.of("findings.json", "report.html"));

        long openCritical = result.findings().stream().filter(f -> f.open() && f.severity() == Severity.CRITICAL).count();
        assertThat(entry.open(Severity.CRITICAL)).isEqualTo((int) openCritical);
        assertThat(entry.openTotal()).isEqualTo((int) result.findings().stream().filter(f -> f.open()).count())
                .as("a waived finding is not open").isLessThan(result.findings().size());
        assertThat(entry.accountsScanned()).isEqualTo(result.accounts().size());
        assertThat(entry.accountsFullyEvaluated()).isEqualTo((int) ScanResults.fullyEvaluated(result));
        assertThat(entry.riskPaths().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(result.riskPaths().size());
        assertThat(entry.reports()).containsEntry("report.html", "runs/2026/11/28/" + result.runId() + "/report.html");
        int highCritical = entry.highCriticalByAccount().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(highCritical).isEqualTo(entry.open(Severity.CRITICAL) + entry.open(Severity.HIGH));
    }

    @Test
    void keepsTheLast400RunsAndSummarisesOlderOnesPerMonth() {
        RunHistory history = RunHistory.empty();
        for (int day = 0; day < 450; day++) {
            history = history.with(run(day, day % 7), Map.of("111111111111", "payments"));
        }

        assertThat(history.runs()).hasSize(RunHistory.KEEP);
        assertThat(history.runs().getFirst().runId()).isEqualTo("run-0050");
        assertThat(history.runs().getLast().runId()).isEqualTo("run-0449");
        // days 0-49 are 2025-01-01 .. 2025-02-19: January's 31 runs and February's first 19
        assertThat(history.months()).extracting(MonthSummary::month, MonthSummary::runs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-01", 31), org.assertj.core.groups.Tuple.tuple("2025-02", 19));
        MonthSummary january = history.months().getFirst();
        assertThat(january.firstRunId()).isEqualTo("run-0000");
        assertThat(january.lastRunId()).isEqualTo("run-0030");
        assertThat(january.lastOpen()).containsEntry(Severity.CRITICAL, 30 % 7);
        assertThat(january.newFindings()).isEqualTo(31);
        assertThat(january.resolvedFindings()).isEqualTo(62);
        assertThat(history.accountNames()).containsEntry("111111111111", "payments");

        int size = history.toJson().length;
        assertThat(size).as("bytes of history.json with 400 runs").isLessThan(400 * 1_200);
        RunHistory more = history;
        for (int day = 450; day < 900; day++) {
            more = more.with(run(day, 1), Map.of());
        }
        assertThat(more.runs()).hasSize(RunHistory.KEEP);
        assertThat(more.toJson().length).as("it does not grow with the runs").isLessThan(size + 20 * 400);
        assertThat(more.months().stream().mapToInt(MonthSummary::runs).sum()).isEqualTo(500);
    }

    @Test
    void aRunPublishedAgainReplacesItsEntryAndRunsStayInStartOrder() {
        RunHistory history = RunHistory.empty().with(run(2, 1), Map.of()).with(run(1, 1), Map.of())
                .with(run(2, 5), Map.of());

        assertThat(history.runs()).extracting(RunEntry::runId).containsExactly("run-0001", "run-0002");
        assertThat(history.runs().getLast().open(Severity.CRITICAL)).isEqualTo(5);
    }

    @Test
    void readsWhatItWritesAndRefusesWhatIsNotAHistory() throws Exception {
        RunHistory history = RunHistory.of(IntStream.range(0, 3).mapToObj(d -> run(d, d)).toList(), Map.of());

        assertThat(RunHistory.read(history.toJson())).isEqualTo(history);
        JsonNode json = Json.mapper().readTree(history.toJson());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.at("/runs/2/open/CRITICAL").asInt()).isEqualTo(2);
        assertThat(json.at("/runs/2/highCriticalByAccount/111111111111").asInt()).isEqualTo(2);
        assertThat(json.at("/runs/0/highCriticalByAccount").isEmpty()).as("no account with none").isTrue();

        List<byte[]> unreadable = new ArrayList<>(List.of("{".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), "{\"schemaVersion\": 2, \"runs\": []}".getBytes(StandardCharsets.UTF_8),
                "{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8)));
        for (byte[] bytes : unreadable) {
            assertThatThrownBy(() -> RunHistory.read(bytes)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
