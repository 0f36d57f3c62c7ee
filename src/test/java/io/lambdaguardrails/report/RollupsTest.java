package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.risk.RiskTier;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.lambdaguardrails.report.AccountSummary.AccountCoverage.COMPLETE;
import static org.assertj.core.api.Assertions.assertThat;

class RollupsTest {

    private static final String PAYMENTS = "Root/Prod/Payments";

    private static Finding finding(String id, String ruleId, Severity severity, String account, String ouPath,
                                   String owner, String resourceArn) {
        return new Finding(id, ruleId, "Title of " + ruleId, Family.ACCESS, severity, FindingStatus.FAIL, account,
                "name-" + account, ouPath, owner, "eu-west-1", "AWS::Lambda::Function", resourceArn,
                resourceArn.substring(resourceArn.lastIndexOf(':') + 1), List.of(), "d", "fix", SampleResults.TODAY,
                null, null);
    }

    private static String fn(String account, String name) {
        return "arn:aws:lambda:eu-west-1:" + account + ":function:" + name;
    }

    private static AccountSummary account(String id, String ouPath, int functions) {
        return new AccountSummary(id, "name-" + id, ouPath, COMPLETE, List.of("eu-west-1"), functions, Map.of(),
                SampleResults.STARTED, SampleResults.FINISHED);
    }

    private static Finding waived(Finding f) {
        return f.suppressedBy(new Suppression("W-1", "accepted", "bob", LocalDate.parse("2027-01-31")));
    }

    @Test
    void ownersWithoutTagShareTheUnownedRowAndWaivedFindingsMakeNoRow() {
        ScanResult result = SampleResults.result(List.of(
                finding("a", "LG-ACC-001", Severity.CRITICAL, "111111111111", PAYMENTS, "team-a", fn("111111111111", "pub")),
                finding("b", "LG-NET-003", Severity.MEDIUM, "111111111111", PAYMENTS, null, fn("111111111111", "x")),
                finding("c", "LG-NET-003", Severity.MEDIUM, "111111111111", PAYMENTS, " ", fn("111111111111", "y")),
                waived(finding("d", "LG-NET-003", Severity.MEDIUM, "111111111111", PAYMENTS, "team-waived",
                        fn("111111111111", "z")))), List.of(), List.of());

        List<OwnerRollup> owners = result.rollups().owners();

        assertThat(owners).extracting(OwnerRollup::owner).containsExactly("team-a", OwnerRollup.UNOWNED);
        assertThat(owners.get(0).riskPaths()).containsEntry(RiskTier.MEDIUM, 1);
        assertThat(owners.get(1).openFindings()).isEqualTo(Map.of(Severity.MEDIUM, 2));
    }

    @Test
    void everyOuRowCountsItsOwnAccountsAndItsDescendants() {
        var accounts = List.of(account("111111111111", PAYMENTS, 3), account("222222222222", "Root/Prod", 2),
                account("333333333333", "Root/Dev", 1), account("444444444444", "", 7));
        ScanResult result = SampleResults.result(List.of(
                finding("a", "LG-ACC-001", Severity.CRITICAL, "111111111111", PAYMENTS, "t", fn("111111111111", "pub")),
                finding("b", "LG-NET-003", Severity.MEDIUM, "222222222222", "Root/Prod", "t", fn("222222222222", "x")),
                finding("c", "LG-NET-003", Severity.MEDIUM, "333333333333", "Root/Dev", "t", fn("333333333333", "y")),
                finding("d", "LG-NET-003", Severity.MEDIUM, "444444444444", "", "t", fn("444444444444", "y")),
                waived(finding("e", "LG-NET-003", Severity.MEDIUM, "222222222222", "Root/Prod", "t",
                        fn("222222222222", "w")))), accounts, List.of());

        List<OuRollup> ous = result.rollups().ous();

        assertThat(ous).extracting(OuRollup::ouPath).as("tree order; no row for an account without an OU path")
                .containsExactly("Root", "Root/Dev", "Root/Prod", PAYMENTS);
        OuRollup root = ous.get(0);
        assertThat(root).isEqualTo(new OuRollup("Root", 0, 0, 3, 6,
                Map.of(Severity.CRITICAL, 1, Severity.MEDIUM, 2), Map.of(RiskTier.MEDIUM, 1, RiskTier.LOW, 2)));
        OuRollup prod = ous.get(2);
        assertThat(prod.depth()).isEqualTo(1);
        assertThat(prod.directAccounts()).isEqualTo(1);
        assertThat(prod.accounts()).as("Prod's own account and Payments'").isEqualTo(2);
        assertThat(prod.functions()).isEqualTo(5);
        assertThat(prod.openFindings()).as("the waived finding is not open")
                .isEqualTo(Map.of(Severity.CRITICAL, 1, Severity.MEDIUM, 1));
        assertThat(ous.get(3)).isEqualTo(new OuRollup(PAYMENTS, 2, 1, 1, 3, Map.of(Severity.CRITICAL, 1),
                Map.of(RiskTier.MEDIUM, 1)));
    }

    @Test
    void childrenFollowTheirParentEvenWhenASiblingNameSortsBetween() {
        ScanResult result = SampleResults.result(List.of(), List.of(account("111111111111", "Root/A/Z", 1),
                account("222222222222", "Root/A-b", 1)), List.of());

        assertThat(result.rollups().ous()).extracting(OuRollup::ouPath)
                .containsExactly("Root", "Root/A", "Root/A/Z", "Root/A-b");
    }

    @Test
    void oneRowPerRuleWithOpenNewWaivedAccountsFunctionsAndTopAccounts() {
        String alias = fn("111111111111", "pub") + ":live";
        Finding newOne = finding("a1", "LG-ACC-001", Severity.HIGH, "111111111111", PAYMENTS, "t", fn("111111111111", "pub"))
                .withBaseline(Baseline.NEW, SampleResults.TODAY);
        ScanResult result = SampleResults.result(List.of(
                newOne,
                finding("a2", "LG-ACC-001", Severity.CRITICAL, "111111111111", PAYMENTS, "t", alias)
                        .withBaseline(Baseline.EXISTING, SampleResults.TODAY),
                finding("a3", "LG-ACC-001", Severity.HIGH, "222222222222", PAYMENTS, "t", fn("222222222222", "q")),
                waived(finding("a4", "LG-ACC-001", Severity.HIGH, "333333333333", PAYMENTS, "t", fn("333333333333", "r"))),
                finding("t1", "LG-AUD-001", Severity.HIGH, "111111111111", PAYMENTS, "t",
                        "arn:aws:cloudtrail:eu-west-1:111111111111:trail/org")), List.of(), List.of());

        List<RuleRollup> rules = result.rollups().rules();

        assertThat(rules).extracting(RuleRollup::ruleId).containsExactly("LG-ACC-001", "LG-AUD-001");
        assertThat(rules.getFirst()).isEqualTo(new RuleRollup("LG-ACC-001", "Title of LG-ACC-001", Severity.CRITICAL,
                3, 1, 1, 2, 2, List.of(new RuleRollup.TopAccount("111111111111", "name-111111111111", 2),
                new RuleRollup.TopAccount("222222222222", "name-222222222222", 1))));
        assertThat(rules.get(1).functions()).as("a trail is no function").isZero();
    }

    @Test
    void topAccountsAreTheFiveWithTheMostOpenFindings() {
        List<Finding> findings = IntStream.range(0, 7).boxed().flatMap(i -> IntStream.rangeClosed(0, i)
                .mapToObj(j -> finding("f" + i + "-" + j, "LG-NET-003", Severity.LOW, "%012d".formatted(i), PAYMENTS,
                        "t", fn("%012d".formatted(i), "fn" + j)))).toList();

        RuleRollup rule = SampleResults.result(findings, List.of(), List.of()).rollups().rules().getFirst();

        assertThat(rule.accounts()).isEqualTo(7);
        assertThat(rule.topAccounts()).extracting(RuleRollup.TopAccount::open).containsExactly(7, 6, 5, 4, 3);
    }

    @Test
    void mergedShardsGetTheRollupsOfTheWholeRunNotASum() {
        Finding a = finding("a", "LG-ACC-001", Severity.CRITICAL, "111111111111", PAYMENTS, "team-a", fn("111111111111", "pub"));
        Finding b = finding("b", "LG-ACC-001", Severity.CRITICAL, "222222222222", "Root/Prod", "team-a", fn("222222222222", "pub"));
        var one = SampleResults.result(List.of(a), List.of(account("111111111111", PAYMENTS, 1)), List.of());
        var two = SampleResults.result(List.of(b, a), List.of(account("222222222222", "Root/Prod", 1),
                account("111111111111", PAYMENTS, 1)), List.of());
        var whole = SampleResults.result(List.of(a, b), List.of(account("111111111111", PAYMENTS, 1),
                account("222222222222", "Root/Prod", 1)), List.of());

        ScanResult merged = ShardMerge.merge(List.of(one, two));

        assertThat(merged.rollups()).isEqualTo(whole.rollups());
        assertThat(merged.rollups().rules().getFirst().open()).as("the finding both shards saw counts once").isEqualTo(2);
        assertThat(merged.rollups().ous().getFirst().accounts()).isEqualTo(2);
    }

    @Test
    void writtenToFindingsJsonButNotReadBack() throws Exception {
        ScanResult result = SampleResults.typicalTeams();
        var tree = Json.mapper().readTree(FindingsJson.write(result));

        assertThat(tree.at("/rollups/owners/0/owner").asText()).isEqualTo("team-a");
        assertThat(tree.at("/rollups/ous/0/ouPath").asText()).isEqualTo("r-root");
        assertThat(tree.at("/rollups/rules").size()).isEqualTo(result.rollups().rules().size());
        assertThat(FindingsJson.read(FindingsJson.write(result))).isEqualTo(result);
    }

}
