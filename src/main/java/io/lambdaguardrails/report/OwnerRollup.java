package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskTier;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row per owner (the configured owner tag; resources without one are {@value #UNOWNED}): their functions' risk
 * paths by tier and their open findings by severity, worst owner first — a platform team's list of whom to call.
 */
public record OwnerRollup(String owner, Map<RiskTier, Integer> riskPaths, int topScore,
                          Map<Severity, Integer> openFindings) {

    public static final String UNOWNED = "unowned";

    /** Most CRITICAL paths first, then HIGH…, then the highest single score, then the most severe open findings. */
    private static final Comparator<OwnerRollup> WORST_FIRST = ((Comparator<OwnerRollup>) OwnerRollup::byMostSevereTier)
            .thenComparing(Comparator
            .comparing(OwnerRollup::topScore, Comparator.reverseOrder())
            .thenComparing((a, b) -> Severity.byMostSevere(b.openFindings(), a.openFindings()))
            .thenComparing(OwnerRollup::owner));

    public OwnerRollup {
        riskPaths = Map.copyOf(riskPaths);
        openFindings = Map.copyOf(openFindings);
    }

    public static List<OwnerRollup> of(ScanResult result) {
        Map<String, Map<RiskTier, Integer>> paths = new TreeMap<>();
        Map<String, Integer> top = new TreeMap<>();
        Map<String, Map<Severity, Integer>> open = new TreeMap<>();
        for (RiskPath p : result.riskPaths()) {
            paths.computeIfAbsent(ownerOf(p.owner()), k -> new EnumMap<>(RiskTier.class)).merge(p.tier(), 1, Integer::sum);
            top.merge(ownerOf(p.owner()), p.score(), Math::max);
        }
        for (Finding f : result.findings()) {
            if (f.open()) {
                open.computeIfAbsent(ownerOf(f.owner()), k -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
            }
        }
        var owners = new TreeMap<String, Boolean>();
        paths.keySet().forEach(o -> owners.put(o, true));
        open.keySet().forEach(o -> owners.put(o, true));
        return owners.keySet().stream()
                .map(o -> new OwnerRollup(o, paths.getOrDefault(o, Map.of()), top.getOrDefault(o, 0), open.getOrDefault(o, Map.of())))
                .sorted(WORST_FIRST).toList();
    }

    public static String ownerOf(String owner) {
        return owner == null || owner.isBlank() ? UNOWNED : owner;
    }

    /** More paths of the highest tier first: one more CRITICAL path outweighs any number of HIGH ones. */
    private static int byMostSevereTier(OwnerRollup a, OwnerRollup b) {
        for (int i = RiskTier.values().length - 1; i >= 0; i--) {
            RiskTier tier = RiskTier.values()[i];
            int c = Integer.compare(b.riskPaths().getOrDefault(tier, 0), a.riskPaths().getOrDefault(tier, 0));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
