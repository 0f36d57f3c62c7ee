package io.lambdaguardrails.integrations;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.report.ScanResult;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a run has that its baseline had not: open findings marked NEW at or above a severity, and coverage gaps
 * (account, region, API, status) the baseline did not have. Without a baseline run to compare with (the first run),
 * every gap is new; a run whose findings were not compared (no baseline asked for, or unreadable) has no NEW findings.
 *
 * @param counts    new open findings by severity, most severe first, only severities at or above the threshold
 * @param top       the most severe new findings, at most {@value #TOP}
 * @param newGaps   coverage gaps the baseline did not have
 */
public record NewSinceBaseline(String runId, Severity threshold, Map<Severity, Integer> counts, List<Finding> top,
                               int newFindings, List<Coverage> newGaps) {

    public static final int TOP = 10;

    public static NewSinceBaseline of(ScanResult run, ScanResult baseline, Severity threshold) {
        List<Finding> fresh = run.findings().stream()
                .filter(f -> f.open() && f.baseline() == Baseline.NEW && f.severity().atLeast(threshold))
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::ruleId)
                        .thenComparing(Finding::accountId))
                .toList();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        fresh.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        Set<String> before = baseline == null ? Set.of() : baseline.coverage().stream()
                .filter(c -> c.status().incomplete()).map(NewSinceBaseline::gapKey).collect(Collectors.toSet());
        List<Coverage> gaps = run.coverage().stream()
                .filter(c -> c.status().incomplete() && !before.contains(gapKey(c))).toList();
        return new NewSinceBaseline(run.runId(), threshold, counts, fresh.stream().limit(TOP).toList(), fresh.size(),
                gaps);
    }

    private static String gapKey(Coverage c) {
        return String.join("|", c.accountId(), c.region(), c.api(), c.status().name());
    }

    /** Nothing new and serious, no new gap: nobody needs waking. */
    public boolean worthTelling() {
        return newFindings > 0 || !newGaps.isEmpty();
    }
}
