package io.lambdaguardrails.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.AccountOutcome;
import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.sink.BaselineOutcome;
import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.ReportDelivery;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the CLI writes at the end of a run and per account, as text for a person and as JSON for a pipeline. */
class ConsoleOutputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final URI LINK = URI.create("https://bucket.s3.amazonaws.com/g/runs/2026/11/28/x/report.html?X-Amz-Signature=abc");

    @Test
    void preSignedLinksArePrintedForAPersonAtATerminalOnly() {
        assertThat(text(true)).contains(LINK.toString());
        assertThat(text(false)).doesNotContain("X-Amz-Signature").contains("Reports: /tmp/reports/runs/x");
    }

    @Test
    void withJsonLogsTheSummaryAndTheExitAreJsonLinesAndTheLinksAreInTheSummary() throws Exception {
        ConsoleOptions console = new ConsoleOptions();
        console.logFormat = LogFormat.JSON;
        StringWriter out = new StringWriter();

        console.printOutcome(new PrintWriter(out), outcome());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(2);
        JsonNode summary = lines.getFirst().get("summary");
        assertThat(summary.get("runId").asText()).isEqualTo(SampleResults.typical().runId());
        assertThat(summary.get("links").get("report.html").asText()).isEqualTo(LINK.toString());
        assertThat(lines.getLast().get("exitCode").asInt()).isEqualTo(ExitStatus.FINDINGS.code());
        assertThat(lines.getLast().get("message").asText()).startsWith("Exit 1: ");
    }

    @Test
    void withJsonLogsAnAccountLineCarriesItsFields() throws Exception {
        List<String> lines = new ArrayList<>();
        ExtHandler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                lines.add(getFormatter().format(record));
            }
        };
        capture.setFormatter(new JsonLogFormatter());
        var logger = LogContext.getLogContext().getLogger("io.lambdaguardrails.scan");
        logger.addHandler(capture);
        try {
            Instant start = Instant.parse("2026-11-28T02:00:00Z");
            new LoggingScanListener().accountFinished(new AccountInventory("011111111111", "payments", true, start,
                    start.plusMillis(1500), null, null, List.of()), AccountOutcome.TIMED_OUT, 3, 4);
        } finally {
            logger.removeHandler(capture);
        }

        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.get("accountId").isTextual()).as("an account id keeps its leading zero").isTrue();
        assertThat(line.get("accountId").asText()).isEqualTo("011111111111");
        assertThat(line.get("status").asText()).isEqualTo("TIMED_OUT");
        assertThat(line.get("durationMs").asLong()).isEqualTo(1500);
        assertThat(line.get("functions").isNumber()).isTrue();
        assertThat(line.get("message").asText()).contains("timed out").doesNotContain("scanned");
    }

    private static String text(boolean terminal) {
        StringWriter out = new StringWriter();
        new RunSummary(new PrintWriter(out), false, terminal).print(outcome());
        return out.toString();
    }

    private static JobOutcome outcome() {
        ScanResult result = SampleResults.typical();
        var report = new ReportDelivery.Outcome(result, new BaselineOutcome.Skipped("test"),
                new Publication("runs/x", "/tmp/reports/runs/x", List.of(), Publication.Latest.REPLACED, null, null),
                List.of(new ReportDelivery.Link(ReportFormat.HTML, LINK)), List.of(), null);
        return new JobOutcome(result, "/tmp/reports/runs/x", ExitStatus.FINDINGS, report);
    }
}
