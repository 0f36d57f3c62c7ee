package io.lambdaguardrails.risk;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.config.ConfigException;
import io.lambdaguardrails.rules.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RiskPathsTest {

    private static final String ACCOUNT = "111111111111";
    private static final RiskPaths DEFAULTS = new RiskPaths(RiskWeights.defaults());

    private static Finding finding(String ruleId, String function) {
        return SampleResults.finding(ruleId + "-" + function, ruleId, Family.ACCESS, Severity.HIGH, ACCOUNT, function,
                "detail");
    }

    private static Finding onArn(Finding f, String arn) {
        return new Finding(f.findingId(), f.ruleId(), f.title(), f.family(), f.severity(), f.status(), f.accountId(),
                f.accountName(), f.ouPath(), f.owner(), f.region(), f.resourceType(), arn, f.resourceName(),
                f.related(), f.detail(), f.remediation(), f.firstSeen(), f.baseline(), f.suppression());
    }

    /** {@code finding} first seen {@code days} before the sample run's day. */
    private static Finding seen(Finding f, int days) {
        return f.withBaseline(Baseline.EXISTING, SampleResults.TODAY.minusDays(days));
    }

    private static List<String> rankedNames(List<Finding> findings) {
        return DEFAULTS.of(findings.stream().map(f -> f.agedOn(SampleResults.TODAY)).toList()).stream()
                .map(RiskPath::functionName).toList();
    }

    @Test
    void amongEqualScoresThePathOpenLongestComesFirst() {
        List<Finding> findings = List.of(seen(finding("LG-ACC-004", "a-recent"), 2),
                seen(finding("LG-ACC-004", "z-old"), 40), seen(finding("LG-ACC-004", "m-older-evidence"), 1),
                seen(finding("LG-SIG-001", "m-older-evidence"), 1));

        assertThat(rankedNames(findings)).as("35, then 30 by age (not by name)")
                .containsExactly("m-older-evidence", "z-old", "a-recent");

        List<Finding> sameAge = List.of(seen(finding("LG-ACC-004", "z-old"), 40), seen(finding("LG-ACC-004", "a-old"), 40));
        assertThat(rankedNames(sameAge)).as("same age: by ARN").containsExactly("a-old", "z-old");
    }

    @Test
    void ageNeverLiftsAPathAboveAHigherScore() {
        List<Finding> findings = List.of(seen(finding("LG-ACC-004", "ancient"), 900),
                seen(finding("LG-ACC-001", "brand-new"), 0));

        assertThat(rankedNames(findings)).containsExactly("brand-new", "ancient");
    }

    @Test
    void aResultRanksItsPathsByTheAgesItGivesItsFindings() {
        // The rules rank before the baseline is known; the result ages the findings and ranks again.
        List<Finding> findings = List.of(seen(finding("LG-ACC-004", "a-recent"), 0), seen(finding("LG-ACC-004", "z-old"), 40));
        assertThat(DEFAULTS.of(findings)).extracting(RiskPath::functionName).containsExactly("a-recent", "z-old");

        ScanResult result = SampleResults.result(findings, List.of(), List.of());

        assertThat(result.riskPaths()).extracting(RiskPath::functionName).containsExactly("z-old", "a-recent");
    }

    @Test
    void publicAndAdministratorOutranksAnyNumberOfLesserIngredients() {
        List<Finding> findings = List.of(finding("LG-ACC-001", "open-admin"), finding("LG-IAM-002", "open-admin"),
                finding("LG-IAM-004", "escalating"), finding("LG-RUN-001", "escalating"),
                finding("LG-NET-003", "escalating"), finding("LG-NET-004", "escalating"),
                finding("LG-RUN-003", "escalating"), finding("LG-SIG-001", "escalating"),
                finding("LG-OPS-003", "escalating"), finding("LG-ACC-005", "escalating"));

        List<RiskPath> paths = DEFAULTS.of(findings);

        assertThat(paths).extracting(RiskPath::functionName, RiskPath::score, RiskPath::tier).containsExactly(
                tuple("open-admin", 50 + 40 + 50, RiskTier.CRITICAL),
                tuple("escalating", 15 + 25 + 15 + 5 + 5 + 10 + 5, RiskTier.HIGH));
    }

    @Test
    void onlyTheStrongestExposureAndBlastRadiusCountButEveryFindingIsEvidence() {
        List<Finding> findings = List.of(finding("LG-ACC-004", "fn"), finding("LG-ACC-002", "fn"),
                finding("LG-IAM-003", "fn"), finding("LG-IAM-004", "fn"), finding("LG-SIG-001", "fn"),
                finding("LG-SIG-002", "fn"));

        RiskPath path = DEFAULTS.of(findings).getFirst();

        assertThat(path.ingredients()).extracting(Ingredient::kind, Ingredient::findingIds).containsExactly(
                tuple(IngredientKind.PUBLIC_URL, List.of("LG-ACC-002-fn")),
                tuple(IngredientKind.PRIVILEGE_ESCALATION, List.of("LG-IAM-004-fn")),
                tuple(IngredientKind.UNSIGNED_CODE, List.of("LG-SIG-001-fn", "LG-SIG-002-fn")));
        assertThat(path.chain()).isEqualTo("anyone on the internet → function URL (AuthType NONE) → fn → execution "
                + "role that can escalate its own privileges in account " + ACCOUNT
                + "; also: code that is not signed and enforced");
    }

    @Test
    void aFindingOnAnAliasJoinsItsFunctionsPath() {
        Finding onAlias = onArn(finding("LG-ACC-001", "fn"), "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:fn:live");

        List<RiskPath> paths = DEFAULTS.of(List.of(onAlias, finding("LG-IAM-002", "fn")));

        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:fn");
            assertThat(p.tier()).isEqualTo(RiskTier.CRITICAL);
        });
    }

    @Test
    void waivedFindingsAndNonFunctionResourcesContributeNothing() {
        Finding waived = finding("LG-IAM-002", "fn").suppressedBy(
                new Suppression("W-1", "break-glass role", "sec", LocalDate.parse("2027-01-01")));
        Finding account = onArn(finding("LG-ACC-001", "acct"), "arn:aws:::account/" + ACCOUNT);

        List<RiskPath> paths = DEFAULTS.of(List.of(finding("LG-ACC-001", "fn"), waived, account));

        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p.ingredients()).extracting(Ingredient::kind).containsExactly(IngredientKind.PUBLIC_POLICY);
            assertThat(p.findingIds()).doesNotContain(waived.findingId());
        });
        assertThat(DEFAULTS.of(List.of(waived))).isEmpty();
    }

    @Test
    void secretsNameWhereTheyAre() {
        Finding secret = SampleResults.finding("s", "LG-RUN-001", Family.RUNTIME, Severity.CRITICAL, ACCOUNT, "fn", "d");
        secret = new Finding(secret.findingId(), secret.ruleId(), secret.title(), secret.family(), secret.severity(),
                secret.status(), secret.accountId(), secret.accountName(), secret.ouPath(), secret.owner(),
                secret.region(), secret.resourceType(), secret.resourceArn(), secret.resourceName(),
                List.of("env:DATABASE_URL", "env:API_TOKEN"), secret.detail(), secret.remediation(),
                secret.firstSeen(), null, null);

        RiskPath path = DEFAULTS.of(List.of(secret)).getFirst();

        assertThat(path.ingredients().getFirst().subjects()).containsExactly("API_TOKEN", "DATABASE_URL");
        assertThat(path.chain()).isEqualTo("fn; also: a secret in API_TOKEN, DATABASE_URL");
    }

    @Test
    void weightsAndTiersComeFromTheConfiguration() {
        var config = new ConfigLoader(RuleCatalogue.all()).parse("""
                version: 1
                risk:
                  secret: 200
                  tiers: {critical: 150}
                """, "guardrails.yaml");

        List<RiskPath> paths = new RiskPaths(config.risk()).of(List.of(finding("LG-ACC-001", "open"),
                finding("LG-IAM-002", "open"), finding("LG-RUN-001", "leaky")));

        assertThat(config.risk().exposure()).isEqualTo(RiskWeights.defaults().exposure());
        assertThat(paths).extracting(RiskPath::functionName, RiskPath::score, RiskPath::tier).containsExactly(
                tuple("leaky", 200, RiskTier.CRITICAL), tuple("open", 140, RiskTier.HIGH));
    }

    @Test
    void badRiskKeysAreRejectedWithTheirLine() {
        var loader = new ConfigLoader(RuleCatalogue.all());

        assertThatThrownBy(() -> loader.parse("""
                version: 1
                risk:
                  exposure:
                    publik: 60
                """, "guardrails.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("guardrails.yaml, line 4")
                .hasMessageContaining("unknown key 'publik'")
                .hasMessageContaining("publicAccess");
        assertThatThrownBy(() -> loader.parse("""
                version: 1
                risk:
                  blastRadius: {administrator: -5}
                """, "guardrails.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("guardrails.yaml, line 3")
                .hasMessageContaining("risk.blastRadius.administrator must not be negative");
        assertThatThrownBy(() -> loader.parse("""
                version: 1
                risk:
                  tiers: {critical: 10, high: 60}
                """, "guardrails.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("critical > high > medium");
    }
}
