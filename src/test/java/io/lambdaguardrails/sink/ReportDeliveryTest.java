package io.lambdaguardrails.sink;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.AccountSummary;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ResolvedFinding;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReportDeliveryTest {

    /** Local runs must never ask for AWS. */
    static final S3Access NO_S3 = new S3Access() {
        public S3Client client() {
            throw new AssertionError("S3 used for a local output");
        }

        public S3Presigner presigner() {
            throw new AssertionError("S3 used for a local output");
        }
    };

    @TempDir
    Path dir;

    private ReportDelivery.Options options(String baseline, PublishMode mode) {
        return new ReportDelivery.Options(dir.resolve("out").toString(), ReportFormat.DEFAULTS,
                HtmlReport.bundled(), baseline, mode, Encryption.s3Managed(), dir.resolve("fallback"), Duration.ofHours(12));
    }

    static ScanResult run(String runId, Instant started, List<String> brokenFunctions) {
        LocalDate day = LocalDate.ofInstant(started, ZoneOffset.UTC);
        List<Finding> findings = brokenFunctions.stream().map(fn -> {
            Finding f = SampleResults.finding("LG-NET-003-" + fn, "LG-NET-003", Family.NETWORK, Severity.MEDIUM,
                    "111111111111", fn, "public subnet");
            return f.withBaseline(null, day);
        }).toList();
        ScanResult base = SampleResults.result(findings,
                List.of(SampleResults.account("111111111111", AccountSummary.AccountCoverage.COMPLETE, Map.of())),
                List.of());
        return new ScanResult(1, runId, started, started.plusSeconds(60), base.tool(), base.principal(),
                base.request(), base.accounts(), base.coverage(), List.of(), base.findings(), List.of(), base.rules());
    }

    @Test
    void secondRunMarksNewExistingAndResolvedAgainstLatest() throws IOException {
        var delivery = new ReportDelivery(NO_S3);
        Instant day1 = Instant.parse("2026-11-27T02:00:00Z");
        Instant day2 = Instant.parse("2026-11-28T02:00:00Z");

        var first = delivery.deliver(run("20261127T020000Z-aaaaaa", day1, List.of("fn-a", "fn-b")), options(null, PublishMode.FULL));
        assertThat(first.baseline()).isInstanceOf(BaselineOutcome.FirstRun.class);
        assertThat(first.published().findings()).extracting(Finding::baseline).containsOnly(Baseline.NEW);

        // fn-a was fixed, fn-c broke
        var second = delivery.deliver(run("20261128T020000Z-bbbbbb", day2, List.of("fn-b", "fn-c")), options("auto", PublishMode.FULL));

        assertThat(second.delivered()).isTrue();
        assertThat(second.baseline()).isInstanceOf(BaselineOutcome.Compared.class);
        ScanResult written = FindingsJson.read(Files.readAllBytes(dir.resolve("out/latest/findings.json")));
        assertThat(written.baselineRunId()).isEqualTo("20261127T020000Z-aaaaaa");
        assertThat(written.findings()).extracting(Finding::resourceName, Finding::baseline, Finding::firstSeen)
                .containsExactly(tuple("fn-b", Baseline.EXISTING, LocalDate.parse("2026-11-27")),
                        tuple("fn-c", Baseline.NEW, LocalDate.parse("2026-11-28")));
        assertThat(written.resolved()).extracting(ResolvedFinding::resourceName, ResolvedFinding::firstSeen)
                .containsExactly(tuple("fn-a", LocalDate.parse("2026-11-27")));
        assertThat(dir.resolve("out/runs/2026/11/27/20261127T020000Z-aaaaaa/report.html")).exists();
        // into the run's own folder, never latest/, which the next run replaces
        Path folder = dir.resolve("out/runs/2026/11/28/20261128T020000Z-bbbbbb");
        assertThat(second.links()).extracting(ReportDelivery.Link::uri)
                .containsExactly(folder.resolve("findings.json").toUri(),
                        folder.resolve("findings.csv").toUri(), folder.resolve("report.html").toUri());
    }

    @Test
    void anExplicitBaselineFileAndNone() throws IOException {
        var delivery = new ReportDelivery(NO_S3);
        Path baselineFile = Files.write(dir.resolve("old.json"),
                FindingsJson.write(run("20261101T000000Z-cccccc", Instant.parse("2026-11-01T00:00:00Z"), List.of("fn-b"))));
        ScanResult today = run("20261128T020000Z-bbbbbb", Instant.parse("2026-11-28T02:00:00Z"), List.of("fn-b", "fn-c"));

        var compared = delivery.deliver(today, options(baselineFile.toString(), PublishMode.FULL));
        assertThat(compared.published().findings()).extracting(Finding::baseline)
                .containsExactly(Baseline.EXISTING, Baseline.NEW);

        var none = delivery.deliver(today, options("none", PublishMode.FULL));
        assertThat(none.published().findings()).extracting(Finding::baseline).containsOnlyNulls();
    }

    @Test
    void aMissingExplicitBaselineIsAWarningAndTheReportsAreStillWritten() {
        ScanResult today = run("20261128T020000Z-bbbbbb", Instant.parse("2026-11-28T02:00:00Z"), List.of("fn-b"));

        var outcome = new ReportDelivery(NO_S3).deliver(today, options(dir.resolve("absent.json").toString(), PublishMode.FULL));

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.warnings()).singleElement().asString().contains("absent.json", "could not be read");
        assertThat(dir.resolve("out/latest/report.html")).exists();
    }

    @Test
    void anUnreadableLatestLeavesFindingsUnmarkedWithAWarning() throws IOException {
        String earlier = "runs/2026/11/27/20261127T020000Z-aaaaaa";
        Files.createDirectories(dir.resolve("out/latest"));
        Files.createDirectories(dir.resolve("out/" + earlier));
        Files.writeString(dir.resolve("out/latest/manifest.json"), "{\"runId\": \"20261127T020000Z-aaaaaa\", \"runFolder\": \""
                + earlier + "\", \"reports\": [{\"file\": \"findings.json\", \"contentType\": \"application/json\"}]}");
        Files.writeString(dir.resolve("out/" + earlier + "/findings.json"), "{\"schemaVersion\": 99}");
        ScanResult today = run("20261128T020000Z-bbbbbb", Instant.parse("2026-11-28T02:00:00Z"), List.of("fn-b"));

        var outcome = new ReportDelivery(NO_S3).deliver(today, options("auto", PublishMode.FULL));

        assertThat(outcome.baseline()).isInstanceOf(BaselineOutcome.Unreadable.class);
        assertThat(outcome.warnings()).singleElement().asString().contains("schemaVersion 99");
        assertThat(outcome.published().findings()).extracting(Finding::baseline).containsOnlyNulls();
    }

    @Test
    void aPartialResultIsNeverComparedAndLinksPointIntoItsRunFolder() {
        ScanResult shard = run("20261128T020000Z-bbbbbb", Instant.parse("2026-11-28T02:00:00Z"), List.of("fn-b"));

        var outcome = new ReportDelivery(NO_S3).deliver(shard, options(null, PublishMode.PARTIAL));

        assertThat(outcome.baseline()).isInstanceOf(BaselineOutcome.Skipped.class);
        assertThat(dir.resolve("out/latest")).doesNotExist();
        assertThat(outcome.links()).first().extracting(ReportDelivery.Link::uri).asString()
                .endsWith("out/runs/2026/11/28/20261128T020000Z-bbbbbb/findings.json");
        assertThatThrownBy(() -> options("auto", PublishMode.PARTIAL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkExpiryIsBoundedBySigV4() {
        assertThatThrownBy(() -> new ReportDelivery.Options("out", ReportFormat.DEFAULTS, HtmlReport.bundled(), null,
                PublishMode.FULL, Encryption.s3Managed(), dir, Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 days");
    }
}
