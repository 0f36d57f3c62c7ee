package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.sink.RenderedReports;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class ViewsTest {

    private static Views.View view(List<Views.View> views, String value) {
        return views.stream().filter(v -> v.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void oneViewPerOwnerAndUnownedEachHoldingOnlyItsOwnFindingsAndPaths() {
        ScanResult result = SampleResults.typicalTeams();

        List<Views.View> views = Views.of(result, SplitBy.OWNER);

        assertThat(views).extracting(Views.View::value).containsExactly("team-a", "team-b", OwnerRollup.UNOWNED);
        assertThat(views).extracting(Views.View::folder)
                .containsExactly("views/owner/team-a", "views/owner/team-b", "views/owner/unowned");
        for (Views.View v : views) {
            assertThat(v.result().findings()).isNotEmpty()
                    .allSatisfy(f -> assertThat(OwnerRollup.ownerOf(f.owner())).isEqualTo(v.value()));
            assertThat(v.result().riskPaths()).allSatisfy(p -> assertThat(OwnerRollup.ownerOf(p.owner())).isEqualTo(v.value()));
            assertThat(v.result().resolved()).as("resolved findings name no owner").isEmpty();
        }
        assertThat(views.stream().mapToInt(v -> v.result().findings().size()).sum())
                .as("every finding in exactly one view").isEqualTo(result.findings().size());
        assertThat(views.stream().mapToInt(v -> v.result().riskPaths().size()).sum()).isEqualTo(result.riskPaths().size());
    }

    @Test
    void anOwnerViewKeepsOnlyTheAccountsItTouchesWithTheirOpenFindingsCountedAgain() {
        ScanResult result = SampleResults.typicalTeams();

        ScanResult teamB = view(Views.of(result, SplitBy.OWNER), "team-b").result();

        assertThat(teamB.accounts()).extracting(AccountSummary::accountId).containsExactly("222222222222");
        assertThat(teamB.accounts().getFirst().openFindings())
                .isEqualTo(Map.of(Severity.HIGH, 1, Severity.MEDIUM, 1, Severity.LOW, 1));
        assertThat(teamB.coverage()).isEmpty();
        assertThat(teamB.rules()).extracting(r -> r.id()).containsExactlyInAnyOrder("LG-NET-003", "LG-RUN-003", "LG-OPS-003");
        assertThat(teamB.effectiveAccess()).as("the public function is team-a's").isEmpty();
        ScanResult teamA = view(Views.of(result, SplitBy.OWNER), "team-a").result();
        assertThat(teamA.effectiveAccess()).extracting(a -> a.functionArn())
                .containsExactly(result.effectiveAccess().getFirst().functionArn());
        assertThat(teamA.rollups().owners()).extracting(OwnerRollup::owner).containsExactly("team-a");
    }

    @Test
    void everyAccountGetsAViewEvenWithoutFindingsWithItsCoverageAndResolvedFindings() {
        ScanResult typical = SampleResults.typical();
        Finding gone = SampleResults.finding("LG-IAM-001-zzzz", "LG-IAM-001", io.lambdaguardrails.findings.Family.IAM,
                Severity.MEDIUM, "222222222222", "gone-fn", "shared role");
        ScanResult result = Drift.compare(typical, SampleResults.result(List.of(gone), typical.accounts(), typical.coverage()));

        List<Views.View> views = Views.of(result, SplitBy.ACCOUNT);

        assertThat(views).extracting(Views.View::value).containsExactly("111111111111", "222222222222", "333333333333");
        ScanResult clean = view(views, "333333333333").result();
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.accounts()).extracting(AccountSummary::accountId).containsExactly("333333333333");
        assertThat(clean.coverage()).extracting(Coverage::accountId).containsOnly("333333333333").isNotEmpty();
        assertThat(clean.notEvaluated()).isNotEmpty();
        assertThat(view(views, "222222222222").result().resolved()).extracting(ResolvedFinding::findingId)
                .containsExactly("LG-IAM-001-zzzz");
        assertThat(view(views, "111111111111").result().resolved()).isEmpty();
    }

    @Test
    void anOuViewHoldsTheAccountsOfThatOuAndItsNameIsMadeSafe() {
        ScanResult result = SampleResults.typical();

        List<Views.View> views = Views.of(result, SplitBy.OU);

        assertThat(views).singleElement().satisfies(v -> {
            assertThat(v.value()).isEqualTo("r-root/ou-prod");
            assertThat(v.folder()).matches("views/ou/r-root-ou-prod-[0-9a-f]{12}");
            assertThat(v.result().findings()).hasSameSizeAs(result.findings());
            assertThat(v.result().accounts()).hasSameSizeAs(result.accounts());
        });
    }

    @Test
    void hostileOwnerValuesGetSafeDistinctFolders() {
        ScanResult hostile = SampleResults.hostile();

        List<Views.View> views = Views.of(hostile, SplitBy.OWNER);

        assertThat(views).hasSize((int) hostile.findings().stream().map(f -> OwnerRollup.ownerOf(f.owner())).distinct().count());
        assertThat(views).extracting(Views.View::folder).doesNotHaveDuplicates()
                .allSatisfy(folder -> assertThat(folder).matches("views/owner/[a-z0-9_][a-z0-9._-]*"));
        for (Views.View v : views) {
            assertThat(v.result().findings()).allSatisfy(f -> assertThat(Objects.equals(
                    OwnerRollup.ownerOf(f.owner()), v.value())).isTrue());
            assertThat(v.result().riskPaths()).extracting(RiskPath::owner).allSatisfy(
                    o -> assertThat(OwnerRollup.ownerOf(o)).isEqualTo(v.value()));
        }
    }

    @Test
    void eachViewsReportSaysWhoseItIsAndTheRunsReportLinksToEveryView() throws IOException {
        ScanResult result = SampleResults.typicalTeams();
        try (RenderedReports rendered = RenderedReports.render(result, ReportFormat.DEFAULTS, HtmlReport.bundled(), SplitBy.OWNER)) {
            Path runReport = file(rendered, "report.html");
            Document run = Jsoup.parse(runReport.toFile(), "UTF-8");
            var links = run.select("#views #view-links a");
            assertThat(links.eachText()).containsExactly("team-a", "team-b", OwnerRollup.UNOWNED);
            for (var link : links) {
                Path target = runReport.getParent().resolve(link.attr("href")).normalize();
                assertThat(target).as(link.attr("href")).isEqualTo(file(rendered, "views/owner/" + link.text() + "/report.html"));
                Document view = Jsoup.parse(target.toFile(), "UTF-8");
                assertThat(view.title()).startsWith("Lambda guardrails report for owner " + link.text() + " ");
                assertThat(view.selectFirst("h1 .view-name").text()).isEqualTo(link.text());
                assertThat(view.select("#view-links")).as("a view lists no views").isEmpty();
                assertThat(target.getParent().resolve(view.selectFirst("#views a").attr("href")).normalize()).isEqualTo(runReport);
            }
            assertThat(run.select("h1 .view-name")).as("the run's report is no view").isEmpty();
        }
    }

    @Test
    void aRunWithoutViewsHasNoViewsSection() {
        Document run = Jsoup.parse(HtmlReport.bundled().render(SampleResults.typicalTeams()));

        assertThat(run.select("#views")).isEmpty();
        assertThat(run.selectFirst("h1").text()).isEqualTo("Lambda guardrails report");
    }

    @Test
    void anAccountViewNamesTheAccountAndAHostileOwnerIsShownAsText() {
        ScanResult typical = SampleResults.typical();
        Views.View account = view(Views.of(typical, SplitBy.ACCOUNT), "111111111111");
        Document accountPage = Jsoup.parse(HtmlReport.bundled().render(account.result(), ReportPlace.of(account)));
        String name = typical.accounts().getFirst().accountName();
        assertThat(accountPage.selectFirst("h1").text()).isEqualTo("Lambda guardrails report for account 111111111111 (" + name + ")");

        for (String hostile : List.of(SampleResults.SCRIPT, SampleResults.IMG, SampleResults.CLOSE_SCRIPT)) {
            Views.View v = view(Views.of(SampleResults.hostile(), SplitBy.OWNER), hostile);
            Document page = Jsoup.parse(HtmlReport.bundled().render(v.result(), ReportPlace.of(v)));
            assertThat(page.selectFirst("h1 .view-name").text()).isEqualTo(hostile);
            assertThat(page.title()).contains("for owner " + hostile);
            assertThat(page.select("script:not([type])")).as("only report.js runs").hasSize(1);
            assertThat(page.select("img")).isEmpty();
        }
    }

    private static Path file(RenderedReports rendered, String name) {
        return rendered.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().path();
    }
}
