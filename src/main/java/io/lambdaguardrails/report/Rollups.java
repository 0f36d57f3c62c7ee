package io.lambdaguardrails.report;

import java.util.List;

/**
 * The run's totals by owner, by organisational unit and by rule ({@code rollups} in {@code findings.json}). Always
 * derived from a result's findings and risk paths, never stored or added up: a merged or re-marked result gets
 * totals that match what it holds.
 */
public record Rollups(List<OwnerRollup> owners, List<OuRollup> ous, List<RuleRollup> rules) {

    public Rollups {
        owners = List.copyOf(owners);
        ous = List.copyOf(ous);
        rules = List.copyOf(rules);
    }

    public static Rollups of(ScanResult result) {
        return new Rollups(OwnerRollup.of(result), OuRollup.of(result), RuleRollup.of(result.findings()));
    }
}
