package io.lambdaguardrails.report;

import io.lambdaguardrails.risk.RiskTier;

/** A risk path of the baseline run whose function this run gives none: what was fixed, as it was. */
public record ResolvedRiskPath(String functionArn, String functionName, String accountId, String region, int score,
                               RiskTier tier, String chain) {
}
