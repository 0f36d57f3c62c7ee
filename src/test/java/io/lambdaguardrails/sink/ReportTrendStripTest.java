package io.lambdaguardrails.sink;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.AccountSummary;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ReportTrend;
import io.lambdaguardrails.report.RunEntry;
import io.lambdaguardrails.report.RunHistory;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.SplitBy;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.lambdaguardrails.sink.ReportDeliveryTest.NO_S3;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend strip of report.html: every publish reads history.json before drawing its reports and shows the
 * organisation's open findings by severity over its last 30 runs, its own run last — in the run's report, latest/ and
 * every split view alike; a history that cannot be read gives a note and no strip.
 */
class ReportTrendStripTest {

    private static final List<Severity> WORST_FIRST = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    @TempDir
    Path dir;

    private Path out() {
        return dir.resolve("out");
    }

    private ReportDelivery.Options options() {
        return new ReportDelivery.Options(out().toString(), ReportFormat.DEFAULTS, HtmlReport.bundled(), "auto",
                PublishMode.FULL, Encryption.s3Managed(), dir.resolve("fallback"), Duration.ofHours(1))
                .splitBy(SplitBy.ACCOUNT);
    }

    private static Instant day(int d) {
        return Instant.parse("2026-10-01T02:00:00Z").plus(Duration.ofDays(d));
    }

    /** A nightly run whose open findings per severity drift from night to night; two accounts. */
    private static ScanResult night(int d) {
        LocalDate today = LocalDate.ofInstant(day(d), ZoneOffset.UTC);
        List<Finding> findings = new ArrayList<>();
        Map<Severity, Integer> open = Map.of(Severity.CRITICAL, d % 3, Severity.HIGH, 1 + d % 4,
                Severity.MEDIUM, 4 - d % 5, Severity.LOW, d % 2);
        open.forEach((severity, count) -> IntStream.range(0, count).forEach(i -> findings.add(
                SampleResults.finding("LG-" + severity + "-" + i, "LG-" + severity, Family.NETWORK, severity,
                        i % 2 == 0 ? "111111111111" : "222222222222", "fn-" + i, "detail").withBaseline(null, today))));
        ScanResult base = SampleResults.result(findings, List.of(
                SampleResults.account("111111111111", AccountSummary.AccountCoverage.COMPLETE, Map.of()),
                SampleResults.account("222222222222", AccountSummary.AccountCoverage.COMPLETE, Map.of())), List.of());
        String runId = String.format("2026%02d%02dT020000Z-t%03d", today.getMonthValue(), today.getDayOfMonth(), d);
        return new ScanResult(1, runId, day(d), day(d).plusSeconds(60), base.tool(), base.principal(),
                base.request(), base.accounts(), base.coverage(), List.of(), base.findings(), List.of(), base.rules());
    }

    private Document report(String key) throws IOException {
        return Jsoup.parse(out().resolve(key).toFile());
    }

    private RunHistory history() throws IOException {
        return RunHistory.read(Files.readAllBytes(out().resolve(RunHistory.FILE)));
    }

    /** The strip shows exactly these runs, newest first in its table, with their open findings per severity. */
    private static void assertStripShows(Document report, List<RunEntry> runs) {
        Element strip = report.selectFirst("#trend");
        assertThat(strip).as("the trend strip").isNotNull();
        assertThat(report.select("#trend-note")).isEmpty();
        List<RunEntry> newestFirst = runs.reversed();
        assertThat(strip.select("#trend-table tbody tr").eachAttr("data-run"))
                .containsExactlyElementsOf(newestFirst.stream().map(RunEntry::runId).toList());
        for (int i = 0; i < newestFirst.size(); i++) {
            RunEntry run = newestFirst.get(i);
            Element row = strip.select("#trend-table tbody tr").get(i);
            for (Severity s : WORST_FIRST) {
                assertThat(row.selectFirst("td[data-severity=" + s + "]").text()).as(run.runId() + " " + s)
                        .isEqualTo(Integer.toString(run.open(s)));
            }
            assertThat(row.selectFirst("td[data-label=Open]").text()).isEqualTo(Integer.toString(run.openTotal()));
        }
        // One bar segment per run and severity it has open findings of, each titled with its run and number.
        List<String> titles = strip.select("svg rect > title").eachText();
        List<String> expected = runs.stream().flatMap(run -> WORST_FIRST.stream().filter(s -> run.open(s) > 0)
                .map(s -> run.runId() + " (" + run.startedAt().toString().substring(0, 10) + "): " + run.open(s) + " " + s)).toList();
        assertThat(titles).containsExactlyElementsOf(expected);
        assertThat(strip.selectFirst("svg").attr("aria-label")).startsWith("Open findings by severity per run: ");
    }

    @Test
    void eachPublishedReportShowsTheLast30RunsUpToItsOwn() throws IOException {
        ReportDelivery delivery = new ReportDelivery(NO_S3);
        List<ReportDelivery.Outcome> outcomes = new ArrayList<>();
        for (int d = 0; d < 33; d++) {
            outcomes.add(delivery.deliver(night(d), options()));
        }
        List<RunEntry> runs = history().runs();
        assertThat(runs).hasSize(33);

        String lastFolder = outcomes.getLast().publication().runFolder();
        List<RunEntry> last30 = runs.subList(3, 33);
        assertStripShows(report(lastFolder + "/report.html"), last30);
        assertStripShows(report("latest/report.html"), last30);
        assertStripShows(report(lastFolder + "/views/account/222222222222/report.html"), last30);
        assertThat(report(lastFolder + "/report.html").selectFirst("#trend-heading").text())
                .isEqualTo("Organisation: open findings by severity, last 30 runs");

        String secondFolder = outcomes.get(1).publication().runFolder();
        assertStripShows(report(secondFolder + "/report.html"), runs.subList(0, 2));
    }

    @Test
    void theFirstRunShowsItsOwnBarAndSaysItIsTheFirst() throws IOException {
        var first = new ReportDelivery(NO_S3).deliver(night(1), options());

        Document report = report(first.publication().runFolder() + "/report.html");
        assertStripShows(report, history().runs());
        assertThat(report.selectFirst("#trend-heading").text()).endsWith("the first run");
        assertThat(report.selectFirst("#trend figcaption").text()).contains("first run in the history at this output");
    }

    @Test
    void aHistoryThatCannotBeReadGivesANoteAndNoStrip() throws IOException {
        ReportDelivery delivery = new ReportDelivery(NO_S3);
        delivery.deliver(night(0), options());
        Path elsewhere = Files.move(out().resolve(RunHistory.FILE), dir.resolve("history-elsewhere.json"));
        // The output refuses to read through a link: the history is there, but cannot be read.
        Files.createSymbolicLink(out().resolve(RunHistory.FILE), elsewhere);

        var second = delivery.deliver(night(1), options());

        assertThat(second.delivered()).isTrue();
        for (String key : List.of(second.publication().runFolder() + "/report.html", "latest/report.html",
                second.publication().runFolder() + "/views/account/111111111111/report.html")) {
            Document report = report(key);
            assertThat(report.select("#trend")).as(key).isEmpty();
            assertThat(report.select("svg")).as(key).isEmpty();
            assertThat(report.selectFirst("#trend-note").text()).as(key)
                    .startsWith("The trend could not be read, so none is shown: ").contains("history.json")
                    .contains("symbolic link");
        }
    }

    @Test
    void runIdsFromTheHistoryAreText() {
        RunEntry counted = RunEntry.of(night(4), "runs/2026/10/05/x", List.of("report.html"));
        RunEntry hostile = new RunEntry(SampleResults.SCRIPT + SampleResults.IMG, counted.startedAt(),
                counted.finishedAt(), counted.accountsScanned(), counted.accountsFullyEvaluated(), counted.open(),
                counted.openByFamily(), 0, 0, null, Map.of(), 0, Map.of(), Map.of());

        Document report = Jsoup.parse(HtmlReport.bundled().withTrend(ReportTrend.of(RunHistory.of(List.of(hostile), Map.of())))
                .render(night(4)));

        assertThat(report.select("script")).as("the data and the report's own script only").hasSize(2);
        assertThat(report.select("img, [onerror]")).isEmpty();
        assertThat(report.selectFirst("#trend-table tbody tr").attr("data-run")).isEqualTo(hostile.runId());
        assertThat(report.select("#trend svg rect > title").eachText()).allSatisfy(t -> assertThat(t).startsWith(hostile.runId()));
    }

    @Test
    void aReportRenderedOnItsOwnSaysThereIsNoHistory() {
        Document report = Jsoup.parse(HtmlReport.bundled().render(night(2)));

        assertThat(report.select("#trend")).isEmpty();
        assertThat(report.selectFirst("#trend-note").text()).startsWith("No run history: this report was rendered on its own");
    }

    @Test
    void aShardsPartialResultHasNoTrend() throws IOException {
        var partial = new ReportDelivery(NO_S3).deliver(night(3), new ReportDelivery.Options(out().toString(),
                ReportFormat.DEFAULTS, HtmlReport.bundled(), "none", PublishMode.PARTIAL, Encryption.s3Managed(),
                dir.resolve("fallback"), Duration.ofHours(1)));

        Document report = report(partial.publication().runFolder() + "/report.html");
        assertThat(report.select("#trend")).isEmpty();
        assertThat(report.selectFirst("#trend-note").text()).contains("partial result");
        assertThat(out().resolve(RunHistory.FILE)).doesNotExist();
    }
}
