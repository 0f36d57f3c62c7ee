package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.risk.RiskPath;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The top of the report: the highest-scoring risk paths, each as the steps of its chain (who can reach the function →
 * the function → what its role reaches) and what else it carries, with links to the findings it stands on.
 */
public record FixFirst(List<PathView> paths, int total) {

    /** How many paths the top of the report shows. */
    static final int SHOWN = 10;

    private static final String STEP = " \u2192 ";
    private static final String ALSO = "; also: ";

    /** One path; {@code steps} and {@code also} are its chain split where it says "→" and "; also:" (names of functions and variables hold neither). */
    public record PathView(int rank, RiskPath path, String tierClass, List<String> steps, String also,
                           List<Evidence> evidence, boolean isNew) {
    }

    /** A finding a path stands on, linked by its id and named by its rule. */
    public record Evidence(String findingId, String ruleId) {
    }

    static FixFirst of(ScanResult result) {
        Map<String, Finding> findings = result.findings().stream()
                .collect(Collectors.toMap(Finding::findingId, Function.identity(), (a, b) -> a));
        List<RiskPath> top = result.riskPaths().stream().limit(SHOWN).toList();
        return new FixFirst(IntStream.range(0, top.size())
                .mapToObj(i -> view(i + 1, top.get(i), findings)).toList(), result.riskPaths().size());
    }

    private static PathView view(int rank, RiskPath path, Map<String, Finding> findings) {
        String chain = path.chain() == null ? "" : path.chain();
        int also = chain.indexOf(ALSO);
        List<String> steps = Arrays.asList((also < 0 ? chain : chain.substring(0, also)).split(STEP));
        String extras = also < 0 ? "" : chain.substring(also + ALSO.length());
        List<Evidence> evidence = path.findingIds().stream().filter(findings::containsKey)
                .map(id -> new Evidence(id, findings.get(id).ruleId())).toList();
        return new PathView(rank, path, "sev-" + path.tier().name().toLowerCase(Locale.ROOT), steps, extras, evidence,
                path.baseline() == Baseline.NEW);
    }
}
