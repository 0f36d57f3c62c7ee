package io.lambdaguardrails.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.scan.ScanRequest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportPublisherTest {

    private static final Set<ReportFormat> ALL = ReportFormat.DEFAULTS;
    private static final String RUN = "runs/2026/11/28/20261128T020000Z-a1b2c3";
    private static final HtmlReport HTML = HtmlReport.bundled();

    @TempDir
    Path dir;

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void localFolderGetsTheRunFolderThenLatest() throws IOException {
        Path out = dir.resolve("reports");
        var sink = new LocalDirectorySink(out);

        Publication publication = new ReportPublisher(sink, HTML, dir.resolve("fallback"))
                .publish(SampleResults.typical(), ALL, PublishMode.FULL);

        assertThat(publication.delivered()).isTrue();
        assertThat(publication.latestReplaced()).isTrue();
        assertThat(files(out)).containsExactly(LocalDirectorySink.LOCK_FILE,
                "latest/findings.csv", "latest/findings.json", "latest/manifest.json", "latest/report.html",
                "latest/risk-paths.csv",
                RUN + "/findings.csv", RUN + "/findings.json", RUN + "/report.html", RUN + "/risk-paths.csv");
        for (ReportFormat format : ALL) {
            assertThat(out.resolve("latest/" + format.fileName()))
                    .hasSameBinaryContentAs(out.resolve(RUN + "/" + format.fileName()));
        }
        assertThat(FindingsJson.read(Files.readAllBytes(out.resolve(RUN + "/findings.json"))))
                .isEqualTo(SampleResults.typical());
        assertThat(publication.written()).first().isEqualTo(out.resolve(RUN + "/findings.json").toString());
        assertThat(dir.resolve("fallback")).doesNotExist();
    }

    @Test
    void securityHubAndOcsfFilesGoBetweenTheCsvAndTheHtmlInBothFolders() {
        var sink = new MemorySink();

        new ReportPublisher(sink, HTML, dir).publish(SampleResults.typical(), EnumSet.allOf(ReportFormat.class),
                PublishMode.FULL);

        assertThat(sink.writes).containsExactly(
                RUN + "/findings.json", RUN + "/findings.csv", RUN + "/risk-paths.csv", RUN + "/findings.asff.json",
                RUN + "/findings.ocsf.json", RUN + "/report.html",
                "latest/findings.json", "latest/findings.csv", "latest/risk-paths.csv", "latest/findings.asff.json",
                "latest/findings.ocsf.json", "latest/report.html", "latest/manifest.json");
        assertThat(sink.contentTypes.get("latest/findings.asff.json")).isEqualTo("application/json");
    }

    @Test
    void latestIsWrittenLastInTheDocumentedOrderAndItsManifestLastOfAll() {
        var sink = new MemorySink();

        new ReportPublisher(sink, HTML, dir).publish(SampleResults.typical(), ALL, PublishMode.FULL);

        assertThat(sink.writes).containsExactly(
                RUN + "/findings.json", RUN + "/findings.csv", RUN + "/risk-paths.csv", RUN + "/report.html",
                "latest/findings.json", "latest/findings.csv", "latest/risk-paths.csv", "latest/report.html",
                "latest/manifest.json");
        assertThat(sink.contentTypes.get("latest/report.html")).isEqualTo("text/html; charset=utf-8");
        assertThat(sink.contentTypes.get("latest/findings.csv")).isEqualTo("text/csv; charset=utf-8");
        assertThat(sink.contentTypes.get("latest/findings.json")).isEqualTo("application/json");
    }

    static Stream<Arguments> temporaryFileCases() {
        return Stream.of(
                Arguments.of(Named.of("delivered", (Predicate<String>) key -> false), true),
                Arguments.of(Named.of("latest fails, reports fall back", (Predicate<String>) key -> key.startsWith("latest/")), false),
                Arguments.of(Named.of("run folder fails, reports fall back", (Predicate<String>) key -> key.endsWith(".html")), false));
    }

    @ParameterizedTest
    @MethodSource("temporaryFileCases")
    void theRenderedFilesAreDeletedAfterwards(Predicate<String> failing, boolean delivered) {
        var sink = new MemorySink(failing);

        Publication publication = new ReportPublisher(sink, HTML, dir.resolve("fallback"))
                .publish(SampleResults.typical(), ALL, PublishMode.FULL);

        assertThat(publication.delivered()).isEqualTo(delivered);
        assertThat(sink.sources).isNotEmpty().allSatisfy(file -> {
            assertThat(file).doesNotExist();
            assertThat(file.getParent()).doesNotExist();
        });
    }

    @Test
    void viewsComeFirstInTheRunFolderAndLatestAndTheManifestNamesThem() throws IOException {
        var sink = new MemorySink();

        new ReportPublisher(sink, HTML, dir).publish(SampleResults.typicalTeams(), EnumSet.allOf(ReportFormat.class),
                SplitBy.OWNER, PublishMode.FULL, () -> false);

        List<String> teamB = List.of("views/owner/team-b/findings.json", "views/owner/team-b/findings.csv",
                "views/owner/team-b/risk-paths.csv", "views/owner/team-b/report.html");
        int ownRun = sink.writes.indexOf(RUN + "/findings.json");
        assertThat(sink.writes.subList(0, ownRun)).as("views first, without the exchange formats")
                .containsAll(teamB.stream().map(f -> RUN + "/" + f).toList())
                .allMatch(key -> key.startsWith(RUN + "/views/owner/") && !key.contains("asff") && !key.contains("ocsf"))
                .hasSize(3 * 4);
        assertThat(sink.writes).containsAll(teamB.stream().map(f -> "latest/" + f).toList());
        assertThat(sink.writes.getLast()).isEqualTo("latest/manifest.json");
        assertThat(sink.contentTypes.get("latest/views/owner/team-b/report.html")).isEqualTo("text/html; charset=utf-8");
        LatestManifest manifest = LatestManifest.read(sink.objects.get(LatestManifest.KEY));
        assertThat(manifest.reports()).extracting(LatestManifest.Report::file).containsAll(teamB);
        assertThat(FindingsJson.read(sink.objects.get(RUN + "/views/owner/team-b/findings.json")).findings())
                .isNotEmpty().allSatisfy(f -> assertThat(f.owner()).isEqualTo("team-b"));
    }

    @Test
    void aViewTheNewRunNoLongerHasLeavesLatest() {
        var sink = new MemorySink();
        var publisher = new ReportPublisher(sink, HTML, dir);
        publisher.publish(SampleResults.typicalTeams(), ALL, SplitBy.OWNER, PublishMode.FULL, () -> false);
        ScanResult onlyTeamA = SampleResults.typical();
        onlyTeamA = new ScanResult(onlyTeamA.schemaVersion(), "20261129T020000Z-d4e5f6", onlyTeamA.startedAt().plusSeconds(86400),
                onlyTeamA.finishedAt().plusSeconds(86400), onlyTeamA.tool(), onlyTeamA.principal(), onlyTeamA.request(),
                onlyTeamA.accounts(), onlyTeamA.coverage(), onlyTeamA.notEvaluated(), onlyTeamA.findings(),
                onlyTeamA.resolved(), onlyTeamA.rules());

        Publication second = publisher.publish(onlyTeamA, ALL, SplitBy.OWNER, PublishMode.FULL, () -> false);

        assertThat(second.latestReplaced()).isTrue();
        assertThat(sink.objects.keySet()).anyMatch(k -> k.startsWith("latest/views/owner/team-a/"))
                .noneMatch(k -> k.startsWith("latest/views/owner/team-b/") || k.startsWith("latest/views/owner/unowned/"))
                .as("the earlier run's own folder keeps its views").contains(RUN + "/views/owner/team-b/report.html");
    }

    @Test
    void aManifestNamingAFileOutsideTheRunFolderIsRefused() {
        assertThatThrownBy(() -> new LatestManifest("r", "runs/2026/11/28/r",
                List.of(new LatestManifest.Report("views/../../secret", "text/html"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatestManifest("r", "runs/2026/11/28/r",
                List.of(new LatestManifest.Report("/etc/passwd", "text/html"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new LatestManifest("r", "runs/2026/11/28/r",
                List.of(new LatestManifest.Report("views/owner/a.b/report.html", "text/html"))).reports()).hasSize(1);
    }

    @Test
    void onlyTheAskedFormats() {
        var sink = new MemorySink();

        new ReportPublisher(sink, HTML, dir).publish(SampleResults.typical(), EnumSet.of(ReportFormat.HTML, ReportFormat.CSV), PublishMode.FULL);

        assertThat(sink.writes).containsExactly(RUN + "/findings.csv", RUN + "/risk-paths.csv", RUN + "/report.html",
                "latest/findings.csv", "latest/risk-paths.csv", "latest/report.html", "latest/manifest.json");
    }

    @Test
    void aPartialResultNeverTouchesLatest() {
        var sink = new MemorySink();

        Publication publication = new ReportPublisher(sink, HTML, dir).publish(SampleResults.typical(), ALL, PublishMode.PARTIAL);

        assertThat(sink.writes).containsExactly(RUN + "/findings.json", RUN + "/findings.csv", RUN + "/risk-paths.csv",
                RUN + "/report.html");
        assertThat(publication.latestReplaced()).isFalse();
        assertThat(publication.delivered()).isTrue();
    }

    @Test
    void aShardWritesItsShardFolderThenItsCompletionMarker() throws IOException {
        var sink = new MemorySink();
        ScanResult shard = SampleResults.typical();
        var request = ScanRequest.builder().org().shard("1/4").build();
        shard = new ScanResult(shard.schemaVersion(), shard.runId(), shard.startedAt(), shard.finishedAt(), shard.tool(),
                shard.principal(), request, shard.accounts(), shard.coverage(), shard.notEvaluated(), shard.findings(),
                shard.resolved(), shard.rules());
        String folder = "shards/20261128T020000Z-a1b2c3/1-of-4";

        Publication publication = new ReportPublisher(sink, HTML, dir).publish(shard, ALL, PublishMode.PARTIAL);

        assertThat(sink.writes).containsExactly(folder + "/findings.json", folder + "/findings.csv",
                folder + "/risk-paths.csv", folder + "/report.html", folder + "/complete.json");
        assertThat(publication.runFolder()).isEqualTo(folder);
        JsonNode marker = Json.mapper().readTree(sink.objects.get(folder + "/complete.json"));
        assertThat(marker.get("shard").asText()).isEqualTo("1/4");
        assertThat(marker.get("findings").asInt()).isEqualTo(shard.findings().size());
    }

    @ParameterizedTest(name = "failing {0}")
    @ValueSource(strings = {RUN + "/findings.json", RUN + "/report.html", "latest/findings.csv"})
    void aFailedWriteLeavesLatestAloneAndEverythingLandsInTheFallbackFolder(String failingKey) throws IOException {
        var sink = new MemorySink(failingKey::equals);
        sink.objects.put("latest/report.html", "yesterday".getBytes());

        Publication publication = new ReportPublisher(sink, HTML, dir.resolve("fallback"))
                .publish(SampleResults.typical(), ALL, PublishMode.FULL);

        assertThat(publication.delivered()).isFalse();
        assertThat(publication.failure()).contains(failingKey, "injected failure");
        assertThat(new String(sink.objects.get("latest/report.html"))).isEqualTo("yesterday");
        if (failingKey.startsWith("runs/")) {
            assertThat(sink.writes).noneMatch(key -> key.startsWith("latest/"));
        }
        assertThat(publication.fallbackFolder()).isEqualTo(dir.resolve("fallback").resolve(RUN).toAbsolutePath());
        assertThat(files(publication.fallbackFolder()))
                .containsExactly("findings.csv", "findings.json", "report.html", "risk-paths.csv");
        assertThat(FindingsJson.read(Files.readAllBytes(publication.fallbackFolder().resolve("findings.json"))))
                .isEqualTo(SampleResults.typical());
    }

    @Test
    void whenTheFallbackFailsTooTheErrorSaysBoth() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("occupied"), "x");
        var sink = new MemorySink(key -> true);

        assertThatThrownBy(() -> new ReportPublisher(sink, HTML, notAFolder).publish(SampleResults.typical(), ALL, PublishMode.FULL))
                .isInstanceOf(SinkException.class)
                .hasMessageContaining("injected failure").hasMessageContaining("nor saved locally");
    }

    @Test
    void aRunIdThatIsNotAFolderNameIsRefusedBeforeAnythingIsWritten() {
        ScanResult typical = SampleResults.typical();
        ScanResult hostile = new ScanResult(1, "../../etc", typical.startedAt(), typical.finishedAt(), typical.tool(),
                typical.principal(), typical.request(), typical.accounts(), typical.coverage(), typical.notEvaluated(),
                typical.findings(), typical.resolved(), typical.rules());
        var sink = new MemorySink();

        assertThatThrownBy(() -> new ReportPublisher(sink, HTML, dir).publish(hostile, ALL, PublishMode.FULL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run id");
        assertThat(sink.writes).isEmpty();
    }

    @Test
    void aLocalKeyCannotLeaveTheFolder() throws IOException {
        var sink = new LocalDirectorySink(dir.resolve("reports"));
        Path page = Files.writeString(dir.resolve("page.html"), "<p>page</p>");

        assertThatThrownBy(() -> sink.write("../outside.html", page, "text/html"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("outside.html")).doesNotExist();
    }
}
