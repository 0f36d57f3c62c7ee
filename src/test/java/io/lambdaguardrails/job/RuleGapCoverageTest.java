package io.lambdaguardrails.job;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.AccountSummary.AccountCoverage;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.org.NoUrlAuthGuardrail;
import io.lambdaguardrails.scan.ScanRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account a rule could not judge is not fully evaluated: the headline does not count it and the run exits 3
 * (coverage incomplete), as it does for an API that could not be read — though every collector succeeded.
 */
class RuleGapCoverageTest {

    private static final String MEMBER = "111111111111";
    private static final List<Rule> RULES = List.of(new NoUrlAuthGuardrail());
    private static final JobOptions NO_GATE = new JobOptions("out", null, null);

    @Test
    void anAccountARuleCouldNotJudgeIsPartialAndTheRunIncomplete() {
        ScanResult result = result(Fixtures.org(o -> o.scpsUnknown().account(MEMBER, a -> { })));

        assertThat(result.coverage()).isEmpty();
        assertThat(result.notEvaluated()).singleElement().satisfies(n -> assertThat(n.ruleId()).isEqualTo("LG-ORG-001"));
        assertThat(result.accounts()).singleElement().satisfies(a -> assertThat(a.coverage()).isEqualTo(AccountCoverage.PARTIAL));
        assertThat(ScanResults.fullyEvaluated(result)).isZero();
        assertThat(ScanJob.status(result, NO_GATE, true)).isEqualTo(ExitStatus.INCOMPLETE);
    }

    @Test
    void anAccountEveryRuleJudgedIsComplete() {
        ScanResult result = result(Fixtures.org(o -> o.account(MEMBER, a -> { })));

        assertThat(result.notEvaluated()).isEmpty();
        assertThat(result.accounts()).singleElement().satisfies(a -> assertThat(a.coverage()).isEqualTo(AccountCoverage.COMPLETE));
        assertThat(ScanResults.fullyEvaluated(result)).isEqualTo(1);
        assertThat(ScanJob.status(result, NO_GATE, true)).isEqualTo(ExitStatus.OK);
    }

    private static ScanResult result(Snapshot snapshot) {
        var evaluation = new RuleEngine(RULES, Settings.defaults()).evaluateAll(snapshot, RuleTester.TODAY);
        var request = new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(), List.of(Fixtures.REGION),
                null, null, null, 0, null, null, List.of());
        return ScanResults.of(snapshot, request, Instant.EPOCH, Instant.EPOCH, new ScanResult.Tool("lambda-guardrails", "test"),
                evaluation, RULES.stream().map(Rule::meta).toList(), RiskWeights.defaults());
    }
}
