package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskTier;
import io.lambdaguardrails.text.DisplayText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's risk-first layout, read with jsoup: fix first, the owner roll-up, and the findings grouped by rule. */
class HtmlReportRiskFirstTest {

    private static Document render(ScanResult result) {
        return Jsoup.parse(HtmlReport.bundled().render(result));
    }

    @Test
    void thePageOpensOnTheTopTenRiskPathsHighestScoreFirst() {
        ScanResult result = SampleResults.many(700);
        Document doc = render(result);

        assertThat(doc.selectFirst("main > section").id()).isEqualTo("fix-first");
        List<RiskPath> top = result.riskPaths().stream().limit(10).toList();
        assertThat(result.riskPaths()).as("more paths than the top shows").hasSizeGreaterThan(10);
        var items = doc.select("#fix-first li.path");
        assertThat(items.eachAttr("data-score")).containsExactlyElementsOf(
                top.stream().map(p -> String.valueOf(p.score())).toList());
        assertThat(items.eachAttr("data-score").stream().map(Integer::valueOf).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(items.select(".path-head .name").eachText())
                .containsExactlyElementsOf(top.stream().map(RiskPath::functionName).toList());
        assertThat(doc.selectFirst("#fix-first p.quiet").text())
                .isEqualTo("The 10 highest of " + result.riskPaths().size() + " risk paths: who can reach each function, and what its role reaches from there.");
    }

    @Test
    void eachPathReadsAsItsChainWithItsOwnerAccountAndLinksToItsFindings() {
        ScanResult result = SampleResults.typicalTeams();
        Document doc = render(result);
        RiskPath first = result.riskPaths().getFirst();

        Element item = doc.selectFirst("#fix-first li.path");
        assertThat(item.selectFirst(".path-head .badge").text()).isEqualTo(first.tier().name());
        assertThat(item.selectFirst(".path-head .score").text()).isEqualTo("score " + first.score());
        assertThat(item.selectFirst(".path-where").text())
                .isEqualTo(first.accountName() + " " + first.accountId() + " · " + first.region() + " · owner " + first.owner());
        String steps = String.join(" \u2192 ", item.select("ol.chain li").eachText());
        String also = item.selectFirst("p.also") == null ? "" : "; also: " + item.selectFirst("p.also").text().substring("Also: ".length());
        assertThat(steps + also).as("the chain, step by step").isEqualTo(first.chain());
        assertThat(item.select("ol.chain li")).hasSizeGreaterThan(1);
        assertThat(item.select("p.evidence a").eachAttr("href"))
                .containsExactlyElementsOf(first.findingIds().stream().map(id -> "#finding-" + id).toList());
        assertThat(item.select("p.evidence a")).allSatisfy(a ->
                assertThat(doc.getElementById(a.attr("href").substring(1))).as("a row for " + a.attr("href")).isNotNull());
    }

    @Test
    void ownersWorstFirstWithTheirPathsAndOpenFindings() {
        ScanResult result = SampleResults.typicalTeams();
        Document doc = render(result);

        List<OwnerRollup> owners = OwnerRollup.of(result);
        assertThat(doc.select("#owner-table tbody tr").eachAttr("data-owner"))
                .containsExactlyElementsOf(owners.stream().map(OwnerRollup::owner).toList());
        for (OwnerRollup owner : owners) {
            List<String> cells = doc.select("#owner-table tr[data-owner=" + owner.owner() + "] td").eachText();
            var expected = Stream.concat(Stream.concat(
                            Stream.of(RiskTier.CRITICAL, RiskTier.HIGH, RiskTier.MEDIUM, RiskTier.LOW)
                                    .map(t -> owner.riskPaths().getOrDefault(t, 0)),
                            Stream.of(owner.topScore())),
                    Stream.concat(ReportView.WORST_FIRST.stream().map(s -> owner.openFindings().getOrDefault(s, 0)),
                            Stream.of(owner.openFindings().values().stream().mapToInt(Integer::intValue).sum())))
                    .map(String::valueOf).toList();
            assertThat(cells).as(owner.owner()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void findingsAreGroupedByRuleCollapsedWithTheirCounts() {
        ScanResult result = Drift.firstRun(SampleResults.typical());
        Document doc = render(result);

        var groups = doc.select("#rule-groups > details.group");
        Map<String, List<Finding>> byRule = result.findings().stream().collect(Collectors.groupingBy(Finding::ruleId));
        assertThat(groups.eachAttr("data-rule")).as("worst first")
                .containsExactly("LG-ACC-001", "LG-RUN-003", "LG-NET-003", "LG-OPS-003");
        assertThat(groups).allSatisfy(group -> assertThat(group.hasAttr("open")).as("collapsed").isFalse());
        for (Element group : groups) {
            List<Finding> mine = byRule.get(group.attr("data-rule"));
            for (Severity severity : Severity.values()) {
                long open = mine.stream().filter(f -> f.open() && f.severity() == severity).count();
                Element count = group.selectFirst("summary .count[data-severity=" + severity + "]");
                if (open == 0) {
                    assertThat(count).isNull();
                } else {
                    assertThat(count.text()).isEqualTo(open + " " + severity);
                }
            }
            long newOpen = mine.stream().filter(f -> f.open() && f.baseline() == Baseline.NEW).count();
            assertThat(group.select("summary [data-new]").eachAttr("data-new"))
                    .containsExactlyElementsOf(newOpen == 0 ? List.of() : List.of(String.valueOf(newOpen)));
            long suppressed = mine.stream().filter(f -> !f.open()).count();
            assertThat(group.select("summary [data-suppressed]").eachAttr("data-suppressed"))
                    .containsExactlyElementsOf(suppressed == 0 ? List.of() : List.of(String.valueOf(suppressed)));
            assertThat(group.select("noscript tr[data-id]").eachAttr("data-id")).as("the rows without script")
                    .containsExactlyInAnyOrderElementsOf(mine.stream().map(Finding::findingId).toList());
            assertThat(group.select("table.findings-table[hidden] tbody tr")).as("the script's table starts empty").isEmpty();
        }
        assertThat(doc.selectFirst("details#group-LG-OPS-003 summary").text())
                .isEqualTo("LG-OPS-003 Title of LG-OPS-003 Operations 1 LOW 1 NEW 1 suppressed in 1 account, 1 function");
    }

    @Test
    void withoutScriptALargeReportListsAFewThousandRowsAndSaysWhereTheRestAre() {
        ScanResult result = SampleResults.many(3_000);
        Document doc = render(result);

        assertThat(doc.select("noscript tr[data-id]")).hasSize(RuleGroup.NO_SCRIPT_ROWS);
        var groups = doc.select("#rule-groups > details.group");
        assertThat(groups).hasSize(8);
        for (Element group : groups) {
            int total = Arrays.stream(group.select("summary .count").eachText().toArray(String[]::new))
                    .mapToInt(text -> Integer.parseInt(text.split(" ")[0])).sum();
            int listed = group.select("noscript tr[data-id]").size();
            assertThat(group.selectFirst("noscript p.quiet").text()).isEqualTo("And " + (total - listed)
                    + " more findings of this rule: open the report with JavaScript on, or read findings.csv.");
        }
    }

    @Test
    void organisationalUnitsInTreeOrderWithTheirTotals() {
        ScanResult result = SampleResults.typical();
        Document doc = render(result);

        List<OuRollup> ous = result.rollups().ous();
        assertThat(ous).as("the sample has OUs").isNotEmpty();
        assertThat(doc.select("#ou-table tbody tr").eachAttr("data-ou"))
                .containsExactlyElementsOf(ous.stream().map(OuRollup::ouPath).toList());
        for (OuRollup ou : ous) {
            List<String> cells = doc.select("#ou-table tr[data-ou=" + ou.ouPath() + "] td").eachText();
            var expected = Stream.concat(Stream.of(ou.accounts(), ou.functions(),
                                    ou.riskPaths().getOrDefault(RiskTier.CRITICAL, 0), ou.riskPaths().getOrDefault(RiskTier.HIGH, 0)),
                            Stream.concat(ReportView.WORST_FIRST.stream().map(s -> ou.openFindings().getOrDefault(s, 0)),
                                    Stream.of(ou.openFindings().values().stream().mapToInt(Integer::intValue).sum())))
                    .map(String::valueOf).toList();
            assertThat(cells).as(ou.ouPath()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void eachRuleGroupCarriesItsRollupReach() {
        ScanResult result = SampleResults.typical();
        Document doc = render(result);

        for (RuleRollup rule : result.rollups().rules()) {
            Element group = doc.getElementById("group-" + rule.ruleId());
            String plural = rule.accounts() == 1 ? "" : "s";
            assertThat(group.selectFirst("summary .reach").text()).as(rule.ruleId()).isEqualTo("in " + rule.accounts()
                    + " account" + plural + ", " + rule.functions() + " function" + (rule.functions() == 1 ? "" : "s"));
            assertThat(group.select(".top-accounts .arn").eachText()).as(rule.ruleId() + " top accounts")
                    .containsExactlyElementsOf(rule.topAccounts().stream().map(RuleRollup.TopAccount::accountId).toList());
        }
        assertThat(doc.select("#group-LG-NET-003 .top-accounts").text())
                .isEqualTo("Most open in: name-111111111111 111111111111 (1), name-222222222222 222222222222 (1)");
    }

    @Test
    void hostileNamesInRiskPathsAreText() {
        ScanResult result = SampleResults.hostile();
        Document doc = render(result);

        assertThat(result.riskPaths()).isNotEmpty();
        List<String> escaped = SampleResults.HOSTILE.stream().map(DisplayText::escape).toList();
        assertThat(doc.select("#fix-first .path-head .name")).isNotEmpty().allSatisfy(name ->
                assertThat(escaped).anyMatch(value -> value.contains(name.wholeText())));
        assertThat(doc.select("#fix-first img, #fix-first script, #owner-table img")).isEmpty();
        assertThat(doc.select("#owner-table th.lead")).extracting(Element::wholeText).isSubsetOf(escaped);
    }
}
