package io.lambdaguardrails.rules.config;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Evaluation;
import io.lambdaguardrails.rules.ExpiredWaiver;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConfiguredEngineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final ConfigLoader LOADER = ConfigLoader.forCatalogue();

    /** Two accounts; "legacy" runs a deprecated runtime without tracing, "api" is fine but for tracing. */
    private static final Snapshot SNAPSHOT = Fixtures.org(o -> o
            .account("111111111111", a -> a.tag("team", "payments").region("eu-west-1", r -> r
                    .function("legacy", f -> f.runtime("python3.8").tracing(LambdaFunction.TracingMode.PASS_THROUGH).tag("tier", "legacy"))))
            .account("222222222222", a -> a.region("us-east-1", r -> r
                    .function("api", f -> f.tracing(LambdaFunction.TracingMode.PASS_THROUGH)))));

    private static RuleEngine engine(String yaml, String... patterns) {
        return LOADER.parse("version: 1\n" + yaml, "guardrails.yaml").engine(RuleCatalogue.all(), List.of(patterns));
    }

    private static List<String> ruleIds(RuleEngine engine) {
        return engine.rules().stream().map(r -> r.meta().id()).toList();
    }

    @Test
    void runsTheRulesEnabledByDefault() {
        List<String> ids = ruleIds(engine(""));
        assertThat(ids).contains("LG-NET-001", "LG-OPS-003").doesNotContain("LG-NET-008", "LG-OPS-001", "LG-AUD-007");
        assertThat(ids).hasSize((int) RuleCatalogue.all().stream().filter(r -> r.meta().enabledByDefault()).count());
    }

    @Test
    void configurationTurnsRulesOnAndOff() {
        List<String> ids = ruleIds(engine("""
                rules:
                  LG-OPS-001: {enabled: true}
                  LG-OPS-003: {enabled: false}
                """));
        assertThat(ids).contains("LG-OPS-001").doesNotContain("LG-OPS-003");
    }

    static Stream<Arguments> selections() {
        return Stream.of(
                arguments("glob picks enabled rules of a family", List.of("LG-OPS-*"),
                        List.of("LG-OPS-002", "LG-OPS-003", "LG-OPS-004")),
                arguments("exact id runs an off-by-default rule", List.of("LG-OPS-001"), List.of("LG-OPS-001")),
                arguments("patterns ignore case and combine", List.of("lg-sig-00?", "LG-NET-008"),
                        List.of("LG-NET-008", "LG-SIG-001", "LG-SIG-002", "LG-SIG-003")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void selectsRulesByPattern(String name, List<String> patterns, List<String> expected) {
        assertThat(ruleIds(engine("", patterns.toArray(String[]::new)))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aPatternThatMatchesNoRuleIsAnError() {
        assertThatThrownBy(() -> engine("", "LG-NTE-*"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--rules 'LG-NTE-*' matches no rule id")
                .hasMessageContaining("example: --rules");
    }

    @Test
    void severityOverrideReplacesTheGradedSeverity() {
        List<Finding> findings = engine("""
                rules:
                  LG-RUN-003: {severity: low}
                """, "LG-RUN-003").evaluate(SNAPSHOT, TODAY);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resourceName()).isEqualTo("legacy");
            assertThat(f.severity()).isEqualTo(Severity.LOW);
        });
    }

    static Stream<Arguments> waivers() {
        return Stream.of(
                arguments("by rule glob and account", "{ruleId: \"LG-OPS-*\", accountIds: [\"111111111111\"]}", List.of("legacy")),
                arguments("by region", "{regions: [us-east-1]}", List.of("api")),
                arguments("by resource ARN glob", "{resourceArn: \"arn:aws:lambda:*:*:function:leg*\"}", List.of("legacy")),
                arguments("by resource tag", "{tags: {tier: legacy}}", List.of("legacy")),
                arguments("by a tag the resource lacks", "{tags: {team: payments}}", List.of()),
                arguments("by another rule", "{ruleId: LG-RUN-003}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waivers")
    void waiversSuppressWhatTheyMatchAndKeepIt(String name, String match, List<String> suppressed) {
        List<Finding> findings = engine("""
                waivers:
                  - match: %s
                    reason: Accepted until the migration
                    owner: platform
                    expires: 2026-11-28
                """.formatted(match), "LG-OPS-003").evaluate(SNAPSHOT, TODAY);

        assertThat(findings).extracting(Finding::resourceName).containsExactly("legacy", "api");
        assertThat(findings).filteredOn(f -> f.status() == FindingStatus.SUPPRESSED)
                .extracting(Finding::resourceName).containsExactlyElementsOf(suppressed);
        assertThat(findings).filteredOn(f -> f.status() == FindingStatus.SUPPRESSED).allSatisfy(f -> assertThat(f.suppression())
                .isEqualTo(new Suppression("waiver-1", "Accepted until the migration", "platform", LocalDate.of(2026, 11, 28))));
        assertThat(findings).filteredOn(Finding::open).allSatisfy(f -> assertThat(f.suppression()).isNull());
    }

    @Test
    void anExpiredWaiverNoLongerAppliesAndIsReported() {
        Evaluation evaluation = engine("""
                waivers:
                  - id: old-exception
                    match: {ruleId: LG-OPS-003}
                    reason: Tracing budget
                    owner: platform
                    expires: 2026-11-27
                """, "LG-OPS-003").evaluateAll(SNAPSHOT, TODAY);

        assertThat(evaluation.findings()).allMatch(Finding::open);
        assertThat(evaluation.expiredWaivers()).containsExactly(new ExpiredWaiver("old-exception",
                "Tracing budget", "platform", LocalDate.of(2026, 11, 27), 2));
    }

    @Test
    void theFirstMatchingWaiverWins() {
        List<Finding> findings = engine("""
                waivers:
                  - {id: first, match: {resourceArn: "*:function:api"}, reason: one, owner: a, expires: 2027-01-01}
                  - {id: second, match: {ruleId: LG-OPS-003}, reason: two, owner: b, expires: 2027-01-01}
                """, "LG-OPS-003").evaluate(SNAPSHOT, TODAY);
        assertThat(findings).extracting(f -> f.suppression().waiverId()).containsExactly("second", "first");
    }

    @Test
    void evaluationIsDeterministic() {
        RuleEngine engine = engine("");
        assertThat(engine.evaluate(SNAPSHOT, TODAY)).isEqualTo(engine.evaluate(SNAPSHOT, TODAY)).isNotEmpty();
        List<Rule> reversed = engine.rules().reversed();
        var reversedEngine = new RuleEngine(reversed, io.lambdaguardrails.rules.Settings.defaults());
        assertThat(reversedEngine.evaluate(SNAPSHOT, TODAY)).isEqualTo(engine.evaluate(SNAPSHOT, TODAY));
    }
}
