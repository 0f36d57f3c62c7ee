package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.audit.NoLambdaDataEvents;
import io.lambdaguardrails.rules.audit.NoManagementEventTrail;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.scan.ScanRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.lambdaguardrails.rules.fixtures.Fixtures.MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that cannot judge an account says so once, through the engine, into findings.json and the HTML report —
 * never as a finding, and never as a fix of the baseline's finding. The trail's name comes from AWS: hostile input.
 */
class RuleNotEvaluatedReportTest {

    private static final String MEMBER = "111111111111";
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static final List<Rule> RULES = List.of(new NoManagementEventTrail(), new NoLambdaDataEvents());

    /** The member lists the organisation trail of a management account this scan could not enter. */
    private static Snapshot orgTrailOwnerNotEntered() {
        Trail shadow = new Trail("arn:aws:cloudtrail:us-east-1:" + MANAGEMENT + ":trail/org", HOSTILE_NAME,
                Fixtures.REGION, true, true, null, null, null, null);
        return Fixtures.org(o -> o
                .account(MANAGEMENT, a -> a.notAssumable())
                .account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.trail(shadow).function("fn", f -> { }))));
    }

    private static ScanResult result(Snapshot snapshot) {
        var evaluation = new RuleEngine(RULES, Settings.defaults()).evaluateAll(snapshot, RuleTester.TODAY);
        var request = new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(), List.of(Fixtures.REGION),
                null, null, null, 0, null, null, List.of());
        return ScanResults.of(snapshot, request, Instant.EPOCH, Instant.EPOCH, new ScanResult.Tool("lambda-guardrails", "test"),
                evaluation, RULES.stream().map(Rule::meta).toList(), RiskWeights.defaults());
    }

    @Test
    void findingsJsonListsTheRulesThatCouldNotJudgeTheMember() throws Exception {
        JsonNode json = Json.mapper().readTree(FindingsJson.write(result(orgTrailOwnerNotEntered())));

        assertThat(json.get("findings")).isEmpty();
        List<JsonNode> byRules = json.get("notEvaluated").valueStream().filter(n -> !n.get("ruleId").isNull()).toList();
        assertThat(byRules).extracting(n -> n.get("ruleId").asText()).containsExactly("LG-AUD-001", "LG-AUD-003");
        assertThat(byRules).allSatisfy(n -> {
            assertThat(n.get("accountId").asText()).isEqualTo(MEMBER);
            assertThat(n.get("region").asText()).isEqualTo("global");
            assertThat(n.get("reason").asText()).contains(HOSTILE_NAME,
                    "owned by account " + MANAGEMENT + ", which this scan could not enter");
        });
        assertThat(byRules.getFirst().get("what").asText())
                .isEqualTo("LG-AUD-001 " + NoManagementEventTrail.META.title());
    }

    @Test
    void theHtmlReportShowsThemAsTextInTheNotEvaluatedTable() {
        String html = HtmlReport.bundled().render(result(orgTrailOwnerNotEntered()));
        Document doc = Jsoup.parse(html);

        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("#coverage-table")).as("no collection gap, so no gap table").isEmpty();
        List<Element> rows = doc.select("#not-evaluated-table tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().select("td").eachText().subList(0, 3))
                .containsExactly(MEMBER, "global", "LG-AUD-001 " + NoManagementEventTrail.META.title());
        assertThat(rows.getFirst().select("td").get(3).wholeText()).contains("trail " + HOSTILE_NAME + " (");
    }

    @Test
    void aFindingOfTheBaselineIsNotResolvedWhereTheRuleCouldNotJudge() {
        Snapshot judged = Fixtures.org(o -> o.account(MEMBER, a -> a.region(Fixtures.REGION, r -> r.function("fn", f -> { }))));
        ScanResult baseline = Drift.firstRun(result(judged));
        assertThat(baseline.findings()).extracting(Finding::ruleId).containsExactly("LG-AUD-001", "LG-AUD-003");

        ScanResult unjudged = Drift.compare(result(orgTrailOwnerNotEntered()), baseline);
        Snapshot fixed = Fixtures.org(o -> o.account(MEMBER, a -> a.region(Fixtures.REGION, r -> r
                .trail(new Trail("arn:aws:cloudtrail:us-east-1:" + MEMBER + ":trail/main", "main", Fixtures.REGION,
                        true, false, true, null, true, true))
                .function("fn", f -> { }))));
        ScanResult resolved = Drift.compare(result(fixed), baseline);

        assertThat(unjudged.resolved()).isEmpty();
        assertThat(resolved.resolved()).extracting(ResolvedFinding::ruleId).containsExactly("LG-AUD-001", "LG-AUD-003");
    }
}
