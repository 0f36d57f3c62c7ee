package io.lambdaguardrails.rules.config;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.Waiver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's {@code guardrails.yaml}: rule settings, per-rule overrides keyed by canonical rule id, waivers in file
 * order, and the weights that score risk paths. {@link #defaults()} is what runs when no file is given.
 */
public record GuardrailsConfig(int version, Settings settings, Map<String, RuleOverride> rules, List<Waiver> waivers,
                               RiskWeights risk) {

    public static final int VERSION = 1;

    public GuardrailsConfig {
        rules = Map.copyOf(rules);
        waivers = List.copyOf(waivers);
    }

    public static GuardrailsConfig defaults() {
        return new GuardrailsConfig(VERSION, Settings.defaults(), Map.of(), List.of(), RiskWeights.defaults());
    }

    /**
     * An engine for the rules this configuration and the {@code --rules} patterns select from {@code catalogue}.
     *
     * @throws ConfigException when a pattern names no rule
     */
    public RuleEngine engine(List<Rule> catalogue, List<String> rulePatterns) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        rules.forEach((id, override) -> {
            if (override.severity() != null) {
                severities.put(id, override.severity());
            }
        });
        return new RuleEngine(RuleSelection.select(catalogue, rules, rulePatterns), settings, severities, waivers);
    }
}
