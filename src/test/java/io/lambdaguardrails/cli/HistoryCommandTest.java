package io.lambdaguardrails.cli;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.RunEntry;
import io.lambdaguardrails.report.RunHistory;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import org.jsoup.Jsoup;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCommandTest {

    @TempDir
    Path dir;

    /** Run folders as publishes leave them: a findings.json each, here written directly. */
    private Path output(int runs) throws IOException {
        Path out = dir.resolve("out");
        Instant start = Instant.parse("2026-11-01T02:00:00Z");
        for (int d = 0; d < runs; d++) {
            Instant started = start.plus(Duration.ofDays(d));
            ScanResult t = SampleResults.typical();
            String runId = String.format("202611%02dT020000Z-cccc%02d", d + 1, d);
            ScanResult run = new ScanResult(1, runId, started, started.plusSeconds(60), t.tool(), t.principal(),
                    t.request(), t.accounts(), t.coverage(), t.notEvaluated(), t.findings().subList(0, d + 1),
                    List.of(), t.rules());
            Path folder = Files.createDirectories(out.resolve(String.format("runs/2026/11/%02d/%s", d + 1, runId)));
            Files.write(folder.resolve("findings.json"), FindingsJson.write(run));
            Files.writeString(folder.resolve("report.html"), "<!DOCTYPE html><title>report</title>");
        }
        return out;
    }

    @Test
    void rebuildWritesTheHistoryAndTheIndexFromTheRunFolders() throws IOException {
        Path out = output(3);
        Files.writeString(out.resolve("history.json"), "{\"schemaVersion\": 1, \"runs\": []}");

        CommandRun run = CommandRun.of(new HistoryCommand(), "--rebuild", "--output", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Rebuilt from 3 run folder(s)", "3 run(s)", out.resolve("index.html").toString());
        RunHistory history = RunHistory.read(Files.readAllBytes(out.resolve("history.json")));
        assertThat(history.runs()).extracting(RunEntry::openTotal).containsExactly(1, 2, 3);
        assertThat(history.runs().getLast().reports()).containsOnlyKeys("findings.json", "report.html");
        var index = Jsoup.parse(out.resolve("index.html").toFile());
        assertThat(index.select("#runs-table tbody tr")).hasSize(3);
    }

    @Test
    void withoutRebuildItRedrawsTheIndexFromTheHistoryAsItIs() throws IOException {
        Path out = output(2);
        Instant start = Instant.parse("2026-10-01T02:00:00Z");
        RunEntry kept = new RunEntry("20261001T020000Z-kept01", start, start.plusSeconds(60), 4, 3,
                Map.of(Severity.HIGH, 2), Map.of(Family.IAM, 2), 0, 0, null, Map.of(), 0, Map.of(), Map.of());
        Files.write(out.resolve("history.json"), RunHistory.of(List.of(kept), Map.of()).toJson());

        CommandRun run = CommandRun.of(new HistoryCommand(), "--output", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Jsoup.parse(out.resolve("index.html").toFile()).select("#runs-table tbody tr .run-id").eachText())
                .containsExactly("20261001T020000Z-kept01");
    }

    @Test
    void helpSaysWhatItKeepsAndRebuilds() {
        CommandRun run = CommandRun.of(new HistoryCommand(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--rebuild", "history.json", "index.html", "400 runs");
    }

    @Test
    void itTakesTheOutputOptionsOfTheCommandsThatPublish() {
        var history = new CommandLine(new HistoryCommand()).getCommandSpec();
        var scan = new CommandLine(new ScanCommand()).getCommandSpec();

        for (String name : List.of("--output", "--template", "--sse", "--kms-key-id")) {
            assertThat(history.findOption(name).description()).as(name)
                    .isEqualTo(scan.findOption(name).description());
        }
    }

    @Test
    void anUnknownEncryptionIsAUsageError() throws IOException {
        Path out = output(1);

        CommandRun run = CommandRun.of(new HistoryCommand(), "--output", out.toString(), "--sse", "rot13");

        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --sse 'rot13'");
        assertThat(out.resolve("index.html")).doesNotExist();
    }

    @Test
    void anOutputThatCannotBeReadExitsFour() throws IOException {
        Path out = output(1);
        Files.createDirectories(out.resolve("history.json"));

        CommandRun run = CommandRun.of(new HistoryCommand(), "--rebuild", "--output", out.toString());

        assertThat(run.exitCode()).as(run.out()).isEqualTo(4);
        assertThat(run.err()).contains("history.json");
    }
}
