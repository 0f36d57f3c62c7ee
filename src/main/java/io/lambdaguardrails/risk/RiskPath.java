package io.lambdaguardrails.risk;

import io.lambdaguardrails.findings.Baseline;

import java.util.List;

/**
 * What an attacker could do through one function, scored: its ingredients (each with the findings it comes from)
 * and the chain they make, in words. {@code baseline} is null until the run is compared with an earlier one.
 */
public record RiskPath(
        String functionArn,
        String functionName,
        String accountId,
        String accountName,
        String region,
        String owner,
        String ouPath,
        int score,
        RiskTier tier,
        String chain,
        List<Ingredient> ingredients,
        Baseline baseline) {

    public RiskPath {
        ingredients = List.copyOf(ingredients);
    }

    public RiskPath withBaseline(Baseline newBaseline) {
        return new RiskPath(functionArn, functionName, accountId, accountName, region, owner, ouPath, score, tier,
                chain, ingredients, newBaseline);
    }

    /** Every finding id the path stands on. */
    public List<String> findingIds() {
        return ingredients.stream().flatMap(i -> i.findingIds().stream()).distinct().toList();
    }
}
