package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The findings of one rule, as the findings section shows them: a collapsed group with its counts by severity
 * ({@code counts}, worst first, open findings only), how many are new and how many waived, and the rule's roll-up
 * ({@code rollup}: accounts, functions, the accounts with the most). {@code noScriptRows} are
 * the rows written into the page for readers without JavaScript, at most {@code noScriptLimit} per group so a
 * 20,000-finding page stays light; {@code noScriptMore} says how many are left out of that list (the script renders
 * every row, on demand).
 */
public record RuleGroup(String ruleId, String title, String familyLabel, List<Integer> counts, int open,
                        int newOpen, int suppressed, int total, String worstClass, RuleRollup rollup,
                        List<ReportView.FindingRow> noScriptRows, int noScriptMore) {

    /** Rows the page carries for readers without JavaScript, over all groups. */
    static final int NO_SCRIPT_ROWS = 2_000;

    /** {@code rows} worst first; groups ordered as accounts are: most critical open findings first, and so on. */
    static List<RuleGroup> of(List<ReportView.FindingRow> rows, List<RuleRollup> rollups) {
        Map<String, List<ReportView.FindingRow>> byRule = new LinkedHashMap<>();
        rows.forEach(r -> byRule.computeIfAbsent(r.finding().ruleId(), k -> new ArrayList<>()).add(r));
        Map<String, RuleRollup> rollupOf = rollups.stream().collect(Collectors.toMap(RuleRollup::ruleId, r -> r));
        int perGroup = byRule.isEmpty() ? 0 : Math.max(10, NO_SCRIPT_ROWS / byRule.size());
        return byRule.entrySet().stream().map(group -> of(group.getValue(), rollupOf.get(group.getKey()), perGroup))
                .sorted(WORST_FIRST).toList();
    }

    private static RuleGroup of(List<ReportView.FindingRow> rows, RuleRollup rollup, int limit) {
        Finding first = rows.getFirst().finding();
        List<Integer> counts = ReportView.WORST_FIRST.stream()
                .map(s -> (int) rows.stream().filter(r -> r.finding().open() && r.finding().severity() == s).count())
                .toList();
        int open = counts.stream().mapToInt(Integer::intValue).sum();
        Severity worst = rows.stream().map(r -> r.finding().severity()).max(Comparator.naturalOrder()).orElseThrow();
        return new RuleGroup(first.ruleId(), first.title(), first.family() == null ? "" : first.family().label(),
                counts, open,
                (int) rows.stream().filter(r -> r.finding().open() && r.finding().baseline() == Baseline.NEW).count(),
                rows.size() - open, rows.size(), ReportView.cssClass(worst), rollup,
                rows.subList(0, Math.min(limit, rows.size())), Math.max(0, rows.size() - limit));
    }

    private static final Comparator<RuleGroup> WORST_FIRST = ((Comparator<RuleGroup>) (a, b) -> {
        for (int i = 0; i < a.counts().size(); i++) {
            int c = Integer.compare(b.counts().get(i), a.counts().get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }).thenComparing(RuleGroup::ruleId);
}
