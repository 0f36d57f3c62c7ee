package io.lambdaguardrails.rules.config;

import io.lambdaguardrails.policy.Wildcard;
import io.lambdaguardrails.rules.Rule;

import java.util.List;
import java.util.Map;

/**
 * Which rules run. Without patterns: the rules enabled by default or by the configuration. With {@code --rules}
 * patterns: a glob ({@code LG-NET-*}) selects among the enabled rules, while an exact id runs that rule even when it
 * is off — naming a rule on the command line is asking for it.
 */
final class RuleSelection {

    private RuleSelection() {
    }

    static List<Rule> select(List<Rule> catalogue, Map<String, RuleOverride> overrides, List<String> patterns) {
        List<String> globs = patterns.stream().map(String::strip).toList();
        for (String glob : globs) {
            if (catalogue.stream().noneMatch(r -> Wildcard.matches(glob, r.meta().id(), true))) {
                throw new ConfigException("--rules '" + glob + "' matches no rule id; run 'rules list' to see them "
                        + "(example: --rules 'LG-NET-*,LG-RUN-003')");
            }
        }
        return catalogue.stream()
                .filter(rule -> globs.isEmpty()
                        ? enabled(rule, overrides)
                        : globs.stream().anyMatch(g -> Wildcard.matches(g, rule.meta().id(), true)
                                && (!Wildcard.has(g) || enabled(rule, overrides))))
                .toList();
    }

    private static boolean enabled(Rule rule, Map<String, RuleOverride> overrides) {
        RuleOverride override = overrides.get(rule.meta().id());
        return override != null && override.enabled() != null ? override.enabled() : rule.meta().enabledByDefault();
    }
}
