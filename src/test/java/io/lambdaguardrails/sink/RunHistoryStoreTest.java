package io.lambdaguardrails.sink;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.RunEntry;
import io.lambdaguardrails.report.RunHistory;
import io.lambdaguardrails.report.ScanResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.lambdaguardrails.sink.ReportDeliveryTest.NO_S3;
import static io.lambdaguardrails.sink.ReportDeliveryTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** history.json and index.html in a local folder: kept by every publish, rebuilt from the run folders, bounded. */
class RunHistoryStoreTest {

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private ReportDelivery.Options options() {
        return new ReportDelivery.Options(out().toString(), ReportFormat.DEFAULTS, HtmlReport.bundled(), "auto",
                PublishMode.FULL, Encryption.s3Managed(), dir.resolve("fallback"), Duration.ofHours(1));
    }

    private static Instant day(int d) {
        return Instant.parse("2026-11-01T02:00:00Z").plus(Duration.ofDays(d));
    }

    private static String id(int d) {
        return String.format("202611%02dT020000Z-aaaa%02d", d + 1, d);
    }

    /** Three nightly runs: fn-a and fn-b broken, then fn-a fixed and fn-c broken, then fn-d broken too. */
    private List<ReportDelivery.Outcome> threeRuns(ReportDelivery delivery) {
        return List.of(
                delivery.deliver(run(id(0), day(0), List.of("fn-a", "fn-b")), options()),
                delivery.deliver(run(id(1), day(1), List.of("fn-b", "fn-c")), options()),
                delivery.deliver(run(id(2), day(2), List.of("fn-b", "fn-c", "fn-d")), options()));
    }

    private RunHistory written() throws IOException {
        return RunHistory.read(Files.readAllBytes(out().resolve(RunHistory.FILE)));
    }

    @Test
    void everyPublishAddsItsRunAfterLatest() throws IOException {
        List<ReportDelivery.Outcome> outcomes = threeRuns(new ReportDelivery(NO_S3));

        RunHistory history = written();
        assertThat(history.runs()).extracting(RunEntry::runId).containsExactly(id(0), id(1), id(2));
        assertThat(history.runs()).extracting(RunEntry::openTotal).containsExactly(2, 2, 3);
        assertThat(history.runs()).extracting(RunEntry::newFindings).containsExactly(2, 1, 1);
        assertThat(history.runs()).extracting(RunEntry::resolvedFindings).containsExactly(0, 1, 0);
        assertThat(history.runs()).extracting(RunEntry::baselineRunId).containsExactly(null, id(0), id(1));
        RunEntry last = history.runs().getLast();
        assertThat(last.open(Severity.MEDIUM)).isEqualTo(3);
        assertThat(last.accountsScanned()).isEqualTo(1);
        assertThat(last.reports()).containsOnlyKeys("findings.json", "findings.csv", "report.html");
        last.reports().values().forEach(key -> assertThat(out().resolve(key)).isRegularFile());

        ReportDelivery.Outcome third = outcomes.getLast();
        assertThat(third.history().updated()).isTrue();
        assertThat(third.history().previous().runId()).isEqualTo(id(1));
        assertThat(third.warnings()).isEmpty();

        Document index = Jsoup.parse(out().resolve(RunHistoryStore.INDEX).toFile());
        assertThat(index.select("#runs-table tbody tr")).hasSize(3);
        assertThat(index.select("#runs-table a.report-link").eachAttr("href")).containsExactly(
                "runs/2026/11/03/" + id(2) + "/report.html", "runs/2026/11/02/" + id(1) + "/report.html",
                "runs/2026/11/01/" + id(0) + "/report.html");
    }

    @Test
    void aMissingOrBrokenHistoryIsRebuiltFromTheRunFolders() throws IOException {
        ReportDelivery delivery = new ReportDelivery(NO_S3);
        threeRuns(delivery);
        RunHistory kept = written();

        Files.delete(out().resolve(RunHistory.FILE));
        var fourth = delivery.deliver(run(id(3), day(3), List.of("fn-b")), options());
        assertThat(fourth.history().rebuiltFrom()).as("three earlier run folders and its own").isEqualTo(4);
        assertThat(written().runs().subList(0, 3)).isEqualTo(kept.runs());

        Files.writeString(out().resolve(RunHistory.FILE), "{\"schemaVersion\": 1, \"runs\": [tr");
        var fifth = delivery.deliver(run(id(4), day(4), List.of()), options());
        assertThat(fifth.history().rebuiltFrom()).isEqualTo(5);
        assertThat(written().runs()).extracting(RunEntry::runId).containsExactly(id(0), id(1), id(2), id(3), id(4));

        RunHistoryStore.Rebuilt rebuilt = new RunHistoryStore(new LocalDirectorySink(out()), HtmlReport.bundled().runsIndex()).rebuild();
        assertThat(rebuilt.history()).isEqualTo(written()).as("the rebuild gives what the publishes kept");
        assertThat(rebuilt.history().runs()).hasSize(5);
    }

    @Test
    void aRebuildWhileRecordingTakesTheRunFromTheResultNotFromItsFolder() throws IOException {
        ReportDelivery delivery = new ReportDelivery(NO_S3);
        threeRuns(delivery);
        ScanResult fourth = run(id(3), day(3), List.of("fn-b"));
        delivery.deliver(fourth, options());
        RunHistory kept = written();
        Files.delete(out().resolve(RunHistory.FILE));
        List<String> read = new ArrayList<>();
        ReportSink watched = new Delegating(new LocalDirectorySink(out())) {
            @Override
            public Optional<byte[]> read(String key) {
                read.add(key);
                return super.read(key);
            }
        };

        String folder = "runs/2026/11/04/" + id(3);
        RunHistoryStore.Update update = new RunHistoryStore(watched, HtmlReport.bundled().runsIndex())
                .record(fourth, folder, ReportFormat.DEFAULTS);

        assertThat(update.rebuiltFrom()).as("three earlier run folders and its own").isEqualTo(4);
        assertThat(written().runs().subList(0, 3)).isEqualTo(kept.runs().subList(0, 3));
        assertThat(written().runs().getLast().runId()).isEqualTo(id(3));
        assertThat(read).filteredOn(key -> key.endsWith("/findings.json")).containsExactly(
                "runs/2026/11/01/" + id(0) + "/findings.json", "runs/2026/11/02/" + id(1) + "/findings.json",
                "runs/2026/11/03/" + id(2) + "/findings.json");
    }

    @Test
    void aHistoryThatCannotBeReadIsLeftAsItIs() throws IOException {
        ReportDelivery delivery = new ReportDelivery(NO_S3);
        threeRuns(delivery);
        byte[] before = Files.readAllBytes(out().resolve(RunHistory.FILE));
        ReportSink failingRead = new Delegating(new LocalDirectorySink(out())) {
            @Override
            public Optional<Versioned> readVersioned(String key) {
                if (key.equals(RunHistory.FILE)) {
                    throw new SinkException("cannot read " + key + ": connection reset");
                }
                return super.readVersioned(key);
            }
        };

        RunHistoryStore.Update update = new RunHistoryStore(failingRead, HtmlReport.bundled().runsIndex())
                .record(run(id(3), day(3), List.of()), "runs/2026/11/04/" + id(3), ReportFormat.DEFAULTS);

        assertThat(update.updated()).isFalse();
        assertThat(update.problem()).contains("connection reset").contains("left as it was").contains("history --rebuild");
        assertThat(Files.readAllBytes(out().resolve(RunHistory.FILE))).as("not overwritten").isEqualTo(before);
    }

    @Test
    void aRunThatLosesTheRaceReadsTheWinnersHistoryAndAddsItself() throws IOException {
        ReportDelivery delivery = new ReportDelivery(NO_S3);
        threeRuns(delivery);
        LocalDirectorySink local = new LocalDirectorySink(out());
        RunHistoryStore other = new RunHistoryStore(local, HtmlReport.bundled().runsIndex());
        AtomicBoolean once = new AtomicBoolean();
        ReportSink racing = new Delegating(local) {
            @Override
            public boolean writeIfUnchanged(String key, Path file, String contentType, String expectedVersion) {
                if (key.equals(RunHistory.FILE) && once.compareAndSet(false, true)) {
                    // another run publishes between this run's read and its write
                    other.record(run(id(4), day(4), List.of()), "runs/2026/11/05/" + id(4), ReportFormat.DEFAULTS);
                }
                return super.writeIfUnchanged(key, file, contentType, expectedVersion);
            }
        };

        RunHistoryStore.Update update = new RunHistoryStore(racing, HtmlReport.bundled().runsIndex())
                .record(run(id(3), day(3), List.of()), "runs/2026/11/04/" + id(3), ReportFormat.DEFAULTS);

        assertThat(update.updated()).isTrue();
        assertThat(written().runs()).extracting(RunEntry::runId).containsExactly(id(0), id(1), id(2), id(3), id(4));
        Document index = Jsoup.parse(out().resolve(RunHistoryStore.INDEX).toFile());
        assertThat(index.select("#runs-table tbody tr")).as("the index shows the history as it is").hasSize(5);
    }

    @Test
    void aRebuildOfMoreThan400RunsKeepsTheLast400AndSummarisesTheRest() throws IOException {
        LocalDirectorySink local = new LocalDirectorySink(out());
        Path staged = Files.createTempFile(dir, "findings", ".json");
        Instant start = Instant.parse("2025-09-01T02:00:00Z");
        for (int d = 0; d < 410; d++) {
            Instant started = start.plus(Duration.ofDays(d));
            String runId = "run" + d;
            ScanResult result = run(runId, started, d % 2 == 0 ? List.of("fn-a") : List.of());
            Files.write(staged, FindingsJson.write(result));
            local.write(ReportKeys.runFolder(result) + "/findings.json", staged, "application/json");
        }
        local.write("runs/2025/09/01/run0/notes.txt", staged, "text/plain");
        local.write("runs/2025/09/01/broken/findings.json", Files.writeString(staged, "not json"), "application/json");

        RunHistoryStore.Rebuilt rebuilt = new RunHistoryStore(local, HtmlReport.bundled().runsIndex()).rebuild();

        assertThat(rebuilt.folders()).isEqualTo(410);
        assertThat(rebuilt.skipped()).singleElement().asString().contains("broken/findings.json");
        RunHistory history = written();
        assertThat(history.runs()).hasSize(RunHistory.KEEP);
        assertThat(history.runs().getFirst().runId()).isEqualTo("run10");
        assertThat(history.months()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo("2025-09");
            assertThat(m.runs()).isEqualTo(10);
        });
        assertThat(history.runs().getFirst().reports()).containsOnlyKeys("findings.json");
        assertThat(Jsoup.parse(out().resolve(RunHistoryStore.INDEX).toFile()).select("#months-table tbody tr")).hasSize(1);
    }

    /** A sink that passes everything to another; tests override what they disturb. */
    static class Delegating implements ReportSink {
        private final ReportSink sink;

        Delegating(ReportSink sink) {
            this.sink = sink;
        }

        public void write(String key, Path file, String contentType) {
            sink.write(key, file, contentType);
        }

        public Optional<byte[]> read(String key) {
            return sink.read(key);
        }

        public Optional<Versioned> readVersioned(String key) {
            return sink.readVersioned(key);
        }

        public boolean writeIfUnchanged(String key, Path file, String contentType, String expectedVersion) {
            return sink.writeIfUnchanged(key, file, contentType, expectedVersion);
        }

        public List<String> list(String prefix) {
            return sink.list(prefix);
        }

        public void delete(String key) {
            sink.delete(key);
        }

        public void copy(String fromKey, String toKey, String contentType) {
            sink.copy(fromKey, toKey, contentType);
        }

        public String location(String key) {
            return sink.location(key);
        }

        public URI link(String key, Duration expiry) {
            return sink.link(key, expiry);
        }
    }
}
