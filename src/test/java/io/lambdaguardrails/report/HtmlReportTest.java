package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.text.DisplayText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {

    /**
     * A user's template: the bundled one with values placed in attributes and new places too, as a customiser would.
     */
    static Path overrideTemplate() {
        try {
            Path dir = Files.createTempDirectory("lg-template");
            String html = Files.readString(Path.of("reports-template/report.html"))
                    .replaceFirst("<h1>Lambda guardrails report.*</h1>",
                            "<h1>ACME Lambda posture</h1><p class=\"custom\" title=\"{view.header.principal}\">{view.header.principal}</p>")
                    .replace("<td class=\"wide f-detail\"><div class=\"detail\">", "<td class=\"wide f-detail\" title=\"{row.finding.detail}\"><div class=\"detail\">");
            Files.writeString(dir.resolve("report.html"), html);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> templates() {
        return Stream.of(Arguments.of("bundled template", HtmlReport.bundled()),
                Arguments.of("override template", HtmlReport.withTemplate(overrideTemplate())));
    }

    private static Document parse(HtmlReport report, ScanResult result) {
        return Jsoup.parse(report.render(result));
    }

    private static int cell(Element row, int index) {
        return Integer.parseInt(row.select("td").get(index).text());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void hostileValuesAreTextNeverMarkup(String name, HtmlReport report) {
        ScanResult result = SampleResults.hostile();
        String html = report.render(result);
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("img")).as("no injected element").isEmpty();
        assertThat(doc.select("script")).as("only the data block and report.js").hasSize(2);
        assertThat(doc.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .extracting(Attribute::getKey).noneMatch(key -> key.startsWith("on")));
        assertThat(html).doesNotContain("<script>alert", "<img src=x");

        for (int i = 0; i < SampleResults.HOSTILE.size(); i++) {
            String value = DisplayText.escape(SampleResults.HOSTILE.get(i));
            Element row = doc.selectFirst("tr[data-id=LG-RUN-002-h" + i + "]");
            assertThat(row).as("row of case %d", i).isNotNull();
            assertThat(row.selectFirst("div.detail").wholeText()).isEqualTo(value);
            assertThat(row.select("span.name").eachText()).hasSize(2);
            assertThat(row.select("span.name")).allSatisfy(span -> assertThat(span.wholeText()).isEqualTo(value));
            assertThat(row.selectFirst("div.related").wholeText()).isEqualTo("Related: " + value);
        }
        assertThat(doc.selectFirst("#account-table span.name").text())
                .isEqualTo(SampleResults.SCRIPT + SampleResults.IMG);
        assertThat(doc.selectFirst("#coverage-table td:nth-child(4)").text()).isEqualTo(SampleResults.SCRIPT);
    }

    @Test
    void overrideTemplateValuesInAttributesStayInTheirAttribute() {
        Document doc = parse(HtmlReport.withTemplate(overrideTemplate()), SampleResults.hostile());

        assertThat(doc.selectFirst("h1").text()).isEqualTo("ACME Lambda posture");
        assertThat(doc.selectFirst("p.custom").attr("title")).isEqualTo("arn:aws:sts::111111111111:assumed-role/Sec/alice");
        for (int i = 0; i < SampleResults.HOSTILE.size(); i++) {
            Element row = doc.selectFirst("tr[data-id=LG-RUN-002-h" + i + "]");
            assertThat(row.select("td[title]")).hasSize(1);
            assertThat(row.selectFirst("td[title]").attr("title"))
                    .isEqualTo(DisplayText.escape(SampleResults.HOSTILE.get(i)));
        }
    }

    @Test
    void controlAndDirectionCharactersAreShownEscapedInTextAndAttributes() {
        Document doc = Jsoup.parse(HtmlReport.bundled().render(SampleResults.hostile()));

        // The filter data (a JSON script element, never shown) keeps the values as they are, to search them.
        assertThat(doc.body().wholeText()).doesNotContain("\u202E", "\u200B", "\u0007", "\u001B", "\r");
        assertThat(doc.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .extracting(Attribute::getValue).noneMatch(v -> v.contains("\u202E") || v.contains("\u0007")));
        Map<String, String> shown = Map.of(
                SampleResults.RIGHT_TO_LEFT, "invoice\\u202Eexe.pdf",
                SampleResults.ZERO_WIDTH, "pay\\u200Broll",
                SampleResults.BELL_AND_ESCAPE, "bell\\u0007 and \\u001B[31mred",
                SampleResults.NEWLINES, "line one\\u000Aline two\\u000D\\u000Aline three");
        shown.forEach((value, escaped) -> {
            Element row = doc.selectFirst("tr[data-id=LG-RUN-002-h" + SampleResults.HOSTILE.indexOf(value) + "]");
            assertThat(row.selectFirst("div.detail").wholeText()).isEqualTo(escaped);
            assertThat(row.select("span.name")).allSatisfy(span -> assertThat(span.wholeText()).isEqualTo(escaped));
        });
    }

    @Test
    void flagsNamesWithInvisibleOrDirectionCharacters() {
        Document doc = parse(HtmlReport.bundled(), SampleResults.hostile());

        int zeroWidth = SampleResults.HOSTILE.indexOf(SampleResults.ZERO_WIDTH);
        int rightToLeft = SampleResults.HOSTILE.indexOf(SampleResults.RIGHT_TO_LEFT);
        assertThat(doc.select("tr[data-id=LG-RUN-002-h" + zeroWidth + "] div.warn")).hasSize(1);
        assertThat(doc.select("tr[data-id=LG-RUN-002-h" + rightToLeft + "] div.warn")).hasSize(1);
        assertThat(doc.select("tr[data-id=LG-RUN-002-h0] div.warn")).isEmpty();
    }

    /** The script's data decoded through its string table: one map of field to value per finding. */
    static List<Map<String, String>> findingData(Document doc) throws IOException {
        String data = doc.selectFirst("script#lg-finding-data[type=application/json]").data();
        assertThat(data).doesNotContain("<", ">", "&");
        JsonNode json = Json.mapper().readTree(data);
        List<String> fields = Json.mapper().convertValue(json.get("fields"), new TypeReference<>() {
        });
        List<String> strings = Json.mapper().convertValue(json.get("strings"), new TypeReference<>() {
        });
        assertThat(strings).as("each value once").doesNotHaveDuplicates();
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode row : json.get("rows")) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put(fields.getFirst(), row.get(0).asText());
            for (int f = 1; f < fields.size(); f++) {
                values.put(fields.get(f), strings.get(row.get(f).asInt()));
            }
            rows.add(values);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void findingDataParsesBackToTheFindingsAndTheRowsWithoutScript(String name, HtmlReport report) throws Exception {
        ScanResult result = SampleResults.hostile();
        Document doc = parse(report, result);

        List<Map<String, String>> rows = findingData(doc);

        assertThat(rows).extracting(r -> r.get("id"))
                .containsExactlyElementsOf(doc.select("noscript tr[data-id]").eachAttr("data-id"));
        for (Map<String, String> row : rows) {
            Finding finding = result.findings().stream().filter(f -> f.findingId().equals(row.get("id"))).findFirst().orElseThrow();
            String value = SampleResults.HOSTILE.get(result.findings().indexOf(finding));
            assertThat(row).as("kept exactly, to be searched").containsEntry("severity", "MEDIUM")
                    .containsEntry("family", "RUNTIME").containsEntry("account", "444444444444")
                    .containsEntry("status", "FAIL").containsEntry("baseline", "NEW").containsEntry("rule", "LG-RUN-002")
                    .containsEntry("region", "eu-west-1").containsEntry("owner", value).containsEntry("detail", value)
                    .containsEntry("resourceName", value).containsEntry("related", value);
        }
    }

    @Test
    void repeatedValuesAreWrittenOnce() throws Exception {
        ScanResult result = SampleResults.many(3_000);
        Document doc = parse(HtmlReport.bundled(), result);

        String data = doc.selectFirst("script#lg-finding-data").data();
        assertThat(Json.mapper().readTree(data).get("strings").size()).as("strings of 3,000 findings")
                .isLessThan(3_000 * 5);
        assertThat(data.split("Title of LG-NET-001", -1)).as("a rule title, once").hasSize(2);
        assertThat(findingData(doc)).hasSize(3_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void contentSecurityPolicyAllowsExactlyTheReportScript(String name, HtmlReport report) throws Exception {
        Document doc = parse(report, SampleResults.typical());

        String script = doc.selectFirst("script:not([type])").data();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        String policy = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy).contains("default-src 'none'", "script-src 'sha256-" + hash + "'");
        assertThat(doc.select("link, img, iframe, object, [src]")).as("nothing loaded from outside").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void totalsMatchTheFindings(String name, HtmlReport report) {
        for (ScanResult result : List.of(SampleResults.typical(), SampleResults.many(700))) {
            Document doc = parse(report, result);
            List<Finding> findings = result.findings();

            for (Severity severity : Severity.values()) {
                Element row = doc.selectFirst("#severity-totals tr[data-severity=" + severity + "]");
                assertThat(cell(row, 0)).as("open %s", severity)
                        .isEqualTo(findings.stream().filter(f -> f.open() && f.severity() == severity).count());
                assertThat(cell(row, 2)).as("suppressed %s", severity)
                        .isEqualTo(findings.stream().filter(f -> !f.open() && f.severity() == severity).count());
            }
            for (Family family : Family.values()) {
                Element row = doc.selectFirst("#family-totals tr[data-family=" + family + "]");
                assertThat(cell(row, 0)).as("open %s", family)
                        .isEqualTo(findings.stream().filter(f -> f.open() && f.family() == family).count());
            }
            assertThat(doc.select("table.findings-table tbody tr")).as("every row, for readers without script")
                    .hasSize(findings.size());
            assertThat(doc.selectFirst("#shown").text()).isEqualTo(findings.size() + " findings");
            assertThat(doc.selectFirst("#open-total").text())
                    .isEqualTo(String.valueOf(findings.stream().filter(Finding::open).count()));
        }
    }

    @Test
    void headerAndHeadline() {
        Document doc = parse(HtmlReport.bundled(), SampleResults.typical());

        assertThat(doc.selectFirst("#headline strong").text()).isEqualTo("2 of 3 accounts fully evaluated");
        assertThat(doc.selectFirst("#run-id").text()).isEqualTo("20261128T020000Z-a1b2c3");
        assertThat(doc.select(".meta div").eachText()).contains(
                "Started 2026-11-28 02:00:00 UTC", "Duration 4m 12s", "Tool lambda-guardrails 0.1.0",
                "Run by arn:aws:sts::111111111111:assumed-role/Sec/alice", "Accounts 3",
                "Regions eu-west-1, us-east-1", "Member role LambdaGuardrailsReadOnly");
    }

    @Test
    void filtersExistAndTheRowsAreCompleteWithoutScript() {
        ScanResult result = SampleResults.typicalTeams();
        Document doc = parse(HtmlReport.bundled(), result);

        assertThat(doc.selectFirst("form#filters").hasAttr("hidden")).as("shown by the script only").isTrue();
        assertThat(doc.select("noscript tr[hidden]")).isEmpty();
        assertThat(doc.select("noscript tr[data-id]")).hasSize(result.findings().size());
        assertThat(doc.select("#f-severity option").eachAttr("value"))
                .containsExactly("", "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(doc.select("#f-family option").eachAttr("value")).containsExactlyElementsOf(
                Stream.concat(Stream.of(""), Stream.of(Family.values()).map(Family::name)).toList());
        assertThat(doc.select("#f-account option").eachAttr("value"))
                .containsExactly("", "111111111111", "222222222222");
        assertThat(doc.select("#f-status option").eachAttr("value")).containsExactly("", "FAIL", "SUPPRESSED");
        assertThat(doc.select("#f-baseline option").eachAttr("value")).containsExactly("", "NEW", "EXISTING");
        assertThat(doc.select("input#f-text[type=search]")).hasSize(1);
        assertThat(doc.select("#f-rule option").eachAttr("value"))
                .containsExactly("", "LG-ACC-001", "LG-NET-003", "LG-OPS-003", "LG-RUN-003");
        assertThat(doc.selectFirst("#f-rule option[value=LG-ACC-001]").text()).isEqualTo("LG-ACC-001 \u2014 Title of LG-ACC-001");
        assertThat(doc.select("#f-region option").eachAttr("value")).containsExactly("", "eu-west-1", "us-east-1");
        assertThat(doc.select("#f-owner option").eachAttr("value")).containsExactly("", "team-a", "team-b");
        assertThat(doc.select("#f-age option").eachAttr("value")).containsExactly("", "7", "30", "90", "180");
    }

    @Test
    void eachRowWithoutScriptSaysHowLongItsFindingHasBeenOpen() throws Exception {
        ScanResult result = SampleResults.typicalAged();
        Document doc = parse(HtmlReport.bundled(), result);

        Map<String, String> openFor = new LinkedHashMap<>();
        for (Element row : doc.select("noscript tr[data-id]")) {
            Element cell = row.selectFirst("td.f-age");
            assertThat(cell.attr("data-label")).isEqualTo("Open for");
            openFor.put(row.attr("data-id"), cell.text());
        }
        assertThat(openFor).containsExactlyInAnyOrderEntriesOf(Map.of("LG-ACC-001-aaaa", "120 days",
                "LG-NET-003-bbbb", "45 days", "LG-NET-003-cccc", "8 days", "LG-RUN-003-dddd", "30 days",
                "LG-OPS-003-eeee", "new", "LG-OPS-003-ffff", "95 days"));
        assertThat(doc.select("noscript table.findings-table thead th").eachText()).last().isEqualTo("Open for");
        assertThat(findingData(doc)).allSatisfy(row -> assertThat(row.get("ageDays"))
                .isEqualTo(String.valueOf(SampleResults.AGES.get(row.get("id")))));
    }

    @Test
    void openForSaysNewOnTheFirstDayAndNothingWithoutAnAge() {
        assertThat(ReportView.openFor(0)).isEqualTo("new");
        assertThat(ReportView.openFor(1)).isEqualTo("1 day");
        assertThat(ReportView.openFor(41)).isEqualTo("41 days");
        assertThat(ReportView.openFor(null)).isEmpty();
        assertThat(ReportView.wasOpenFor(SampleResults.TODAY, SampleResults.FINISHED)).isEqualTo("under a day");
        assertThat(ReportView.wasOpenFor(SampleResults.TODAY.minusDays(1), SampleResults.FINISHED)).isEqualTo("1 day");
        assertThat(ReportView.wasOpenFor(null, SampleResults.FINISHED)).isEmpty();
    }

    @Test
    void namesAndArnsMayWrapOnlyAfterASeparator() {
        Document doc = parse(HtmlReport.bundled(), SampleResults.typical());

        Element arn = doc.selectFirst("tr[data-id=LG-NET-003-bbbb] td.f-resource span.arn");
        assertThat(arn.text()).isEqualTo("arn:aws:lambda:eu-west-1:111111111111:function:vpc-fn");
        assertThat(arn.textNodes()).extracting(TextNode::text).containsExactly(
                "arn:", "aws:", "lambda:", "eu-", "west-", "1:", "111111111111:", "function:", "vpc-", "fn");
        assertThat(arn.children()).allSatisfy(child -> assertThat(child.tagName()).isEqualTo("wbr"));
        assertThat(doc.selectFirst("tr[data-id=LG-NET-003-bbbb] div.detail").textNodes()).extracting(TextNode::text)
                .as("a separator before a space or at the end is no break point")
                .containsExactly("subnet-", "1 routes to igw-", "1");
    }

    @Test
    void accountsWorstFirst() {
        Document doc = parse(HtmlReport.bundled(), SampleResults.typical());

        assertThat(doc.select("#account-table tbody tr").eachAttr("data-account"))
                .containsExactly("111111111111", "222222222222", "333333333333");
        Element first = doc.selectFirst("#account-table tbody tr");
        assertThat(first.select("td").eachText())
                .containsExactly("r-root/ou-prod", "COMPLETE", "1", "0", "1", "0", "0", "2", "3", "eu-west-1, us-east-1");
    }

    @Test
    void driftSectionListsNewAndResolved() {
        ScanResult current = SampleResults.typical();
        Finding gone = SampleResults.finding("LG-IAM-001-zzzz", "LG-IAM-001", Family.IAM, Severity.MEDIUM,
                "111111111111", "gone-fn", "shared role").withBaseline(null, SampleResults.TODAY.minusDays(12));
        Finding kept = current.findings().getFirst();
        ScanResult baseline = SampleResults.result(List.of(gone, kept), current.accounts(), current.coverage());
        Document doc = parse(HtmlReport.bundled(), Drift.compare(current, baseline));

        assertThat(doc.selectFirst("#drift p").text()).isEqualTo(
                "Compared with run 20261128T020000Z-a1b2c3: 4 new open findings, 1 resolved.");
        assertThat(doc.select("#drift table").eachAttr("id")).as("new findings come first")
                .containsExactly("new-findings", "resolved");
        assertThat(doc.select("#new-findings tbody tr")).extracting(tr -> tr.select("td").eachText())
                .as("worst first, then account, function and rule; the suppressed new finding is not listed")
                .containsExactly(
                        List.of("HIGH", "name-222222222222 222222222222", "old-fn eu-west-1", "LG-RUN-003 Title of LG-RUN-003"),
                        List.of("MEDIUM", "name-111111111111 111111111111", "vpc-fn eu-west-1", "LG-NET-003 Title of LG-NET-003"),
                        List.of("MEDIUM", "name-222222222222 222222222222", "other-fn eu-west-1", "LG-NET-003 Title of LG-NET-003"),
                        List.of("LOW", "name-222222222222 222222222222", "quiet-fn eu-west-1", "LG-OPS-003 Title of LG-OPS-003"));
        assertThat(doc.select("#resolved tbody tr")).hasSize(1);
        assertThat(doc.select("#resolved tbody tr td").eachText()).startsWith("MEDIUM", "LG-IAM-001", "111111111111")
                .endsWith("2026-11-16", "12 days");
        assertThat(doc.selectFirst("#resolved td[data-label=Was open for]").text()).isEqualTo("12 days");
        assertThat(doc.select("noscript span.new")).hasSize(5);
        assertThat(doc.selectFirst("tr[data-id=" + kept.findingId() + "] span.new")).isNull();
    }

    @Test
    void withoutABaselineTheReportSaysWhetherItWasAFirstRun() {
        Document first = parse(HtmlReport.bundled(), Drift.firstRun(SampleResults.typical()));
        Document unmarked = parse(HtmlReport.bundled(), SampleResults.typical());

        assertThat(first.selectFirst("#drift p").text()).isEqualTo("No earlier run to compare with: every finding counts as new.");
        assertThat(first.selectFirst("#headline").text()).as("new counts open findings only").contains("5 new");
        assertThat(unmarked.selectFirst("#drift p").text()).isEqualTo("Not compared with an earlier run.");
        assertThat(unmarked.selectFirst("#headline").text()).doesNotContain("new");
    }

    @Test
    void ruleReferenceCoversEveryRuleThatFiredAndLinksOnlyHttps() {
        ScanResult result = SampleResults.typical();
        Document doc = parse(HtmlReport.bundled(), result);

        assertThat(doc.select("article.rule").eachAttr("id")).containsExactlyInAnyOrderElementsOf(
                result.findings().stream().map(f -> "rule-" + f.ruleId()).distinct().toList());
        Element rule = doc.selectFirst("article#rule-LG-ACC-001");
        assertThat(rule.select("p").eachText()).contains("Why LG-ACC-001 matters.", "Fix LG-ACC-001 like this.");
        assertThat(rule.select(".refs a").eachAttr("href"))
                .containsExactly("https://docs.aws.amazon.com/lambda/latest/dg/governance.html");
        assertThat(rule.select("p.back a").eachAttr("href")).as("a way back from the reference")
                .containsExactly("#group-LG-ACC-001");
        assertThat(rule.select("li").eachText()).contains("javascript:alert(3)");
        assertThat(doc.select("details#group-LG-ACC-001 a[href=#rule-LG-ACC-001]")).hasSize(1);
    }

    @Test
    void coverageGapsListIncompleteFirstThenUnsupportedAndNotEvaluated() {
        Document doc = parse(HtmlReport.bundled(), SampleResults.typical());

        assertThat(doc.select("#coverage-table tbody tr td:nth-child(5)").eachText())
                .containsExactly("ACCESS_DENIED", "UNSUPPORTED");
        assertThat(doc.select("#not-evaluated-table tbody tr td").eachText())
                .containsExactly("333333333333", "eu-west-1", "network rules", "ec2:DescribeVpcs ACCESS_DENIED");
    }

    @Test
    void expiredWaiversAreListed() {
        Document doc = parse(HtmlReport.bundled(), SampleResults.typical());

        assertThat(doc.select("#expired-waivers tbody tr td").eachText())
                .containsExactly("W-OLD", "carol", "2026-10-01", "2", "legacy VPC until Q3");
    }

    @Test
    void aTemplateFolderMayOverrideOnlyTheStyle(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("report.css"), "body { background: #fafafa; }");

        Document doc = parse(HtmlReport.withTemplate(dir), SampleResults.typical());

        assertThat(doc.selectFirst("style").data()).isEqualTo("body { background: #fafafa; }");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Lambda guardrails report");
        assertThat(doc.selectFirst("script:not([type])").data()).contains("lg-finding-data");
    }

    @Test
    void aBrokenOrMissingTemplateIsAClearError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("report.html"), "<p>{#for f in view.findings}{f.finding.ruleId}</p>");

        assertThatThrownBy(() -> HtmlReport.withTemplate(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not parse");
        assertThatThrownBy(() -> HtmlReport.withTemplate(dir.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }
}
