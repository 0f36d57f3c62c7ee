package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPaths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One row per rule that produced a finding: how many of its findings are open, how many of those are new since the
 * baseline, how many are waived, in how many accounts and functions, and the accounts with the most open ones.
 * {@code severity} is the most severe of its findings (a rule may report some findings above its default).
 */
public record RuleRollup(String ruleId, String title, Severity severity, int open, int newFindings, int suppressed,
                         int accounts, int functions, List<TopAccount> topAccounts) {

    /** How many accounts {@code topAccounts} names at most. */
    public static final int TOP_ACCOUNTS = 5;

    /** An account and how many open findings of the rule it has. */
    public record TopAccount(String accountId, String accountName, int open) {
    }

    public RuleRollup {
        topAccounts = List.copyOf(topAccounts);
    }

    /** In rule id order. */
    public static List<RuleRollup> of(List<Finding> findings) {
        Map<String, List<Finding>> byRule = new TreeMap<>();
        findings.forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        return byRule.values().stream().map(RuleRollup::ofOneRule).toList();
    }

    private static RuleRollup ofOneRule(List<Finding> findings) {
        Finding first = findings.getFirst();
        Severity severity = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElseThrow();
        List<Finding> open = findings.stream().filter(Finding::open).toList();
        Map<String, TopAccount> perAccount = new LinkedHashMap<>();
        Set<String> functions = new HashSet<>();
        for (Finding f : open) {
            perAccount.merge(f.accountId(), new TopAccount(f.accountId(), f.accountName(), 1),
                    (a, b) -> new TopAccount(a.accountId(), a.accountName(), a.open() + 1));
            if (f.resourceArn() != null) {
                RiskPaths.functionArn(f.resourceArn()).ifPresent(functions::add);
            }
        }
        List<TopAccount> top = perAccount.values().stream()
                .sorted(Comparator.comparingInt(TopAccount::open).reversed().thenComparing(TopAccount::accountId))
                .limit(TOP_ACCOUNTS).toList();
        return new RuleRollup(first.ruleId(), first.title(), severity, open.size(),
                (int) open.stream().filter(f -> f.baseline() == Baseline.NEW).count(),
                findings.size() - open.size(), perAccount.size(), functions.size(), top);
    }
}
