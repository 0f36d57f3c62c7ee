package io.lambdaguardrails.risk;

import io.lambdaguardrails.findings.Finding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The risk stage, after the rules: combines each function's open findings into at most one scored {@link RiskPath},
 * highest score first ({@link #ranked}). Waived (SUPPRESSED) findings are not evidence of anything, so they contribute
 * nothing. Pure: findings in, paths out.
 */
public final class RiskPaths {

    private final RiskWeights weights;

    public RiskPaths(RiskWeights weights) {
        this.weights = weights;
    }

    public List<RiskPath> of(List<Finding> findings) {
        Map<String, List<Finding>> byFunction = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.open() && f.resourceArn() != null && IngredientKind.forRule(f.ruleId()).isPresent()) {
                functionArn(f.resourceArn()).ifPresent(arn -> byFunction.computeIfAbsent(arn, k -> new ArrayList<>()).add(f));
            }
        }
        List<RiskPath> paths = new ArrayList<>();
        byFunction.forEach((arn, evidence) -> path(arn, evidence).ifPresent(paths::add));
        return ranked(paths, findings);
    }

    /**
     * The paths highest score first. Among equal scores the path left unfixed longest comes first: the one whose
     * oldest finding has the greatest {@code ageDays} (a path none of whose findings has an age comes after those that
     * have one); then by function ARN, so the order is stable. Age only breaks ties: it never lifts a path above a
     * higher score.
     */
    public static List<RiskPath> ranked(Collection<RiskPath> paths, Collection<Finding> findings) {
        Map<String, Integer> ageOfFinding = new HashMap<>();
        findings.stream().filter(f -> f.ageDays() != null).forEach(f -> ageOfFinding.put(f.findingId(), f.ageDays()));
        Map<String, Integer> ageOfPath = new HashMap<>();
        paths.forEach(p -> ageOfPath.put(p.functionArn(), p.findingIds().stream()
                .mapToInt(id -> ageOfFinding.getOrDefault(id, -1)).max().orElse(-1)));
        return paths.stream().sorted(Comparator.comparingInt(RiskPath::score).reversed()
                .thenComparing(p -> ageOfPath.get(p.functionArn()), Comparator.reverseOrder())
                .thenComparing(RiskPath::functionArn)).toList();
    }

    private Optional<RiskPath> path(String functionArn, List<Finding> evidence) {
        Map<IngredientKind, List<Finding>> byKind = new EnumMap<>(IngredientKind.class);
        evidence.forEach(f -> byKind.computeIfAbsent(IngredientKind.forRule(f.ruleId()).orElseThrow(),
                k -> new ArrayList<>()).add(f));
        List<Ingredient> ingredients = new ArrayList<>();
        boolean exposureTaken = false;
        boolean blastRadiusTaken = false;
        // Kinds come in declaration order: the first exposure and blast radius found are the strongest.
        for (var e : byKind.entrySet()) {
            Aspect aspect = e.getKey().aspect();
            if (aspect == Aspect.EXPOSURE && exposureTaken || aspect == Aspect.BLAST_RADIUS && blastRadiusTaken) {
                continue;
            }
            exposureTaken |= aspect == Aspect.EXPOSURE;
            blastRadiusTaken |= aspect == Aspect.BLAST_RADIUS;
            ingredients.add(new Ingredient(e.getKey(), weights.weight(e.getKey()),
                    e.getValue().stream().map(Finding::findingId).distinct().sorted().toList(), subjects(e.getValue())));
        }
        int score = ingredients.stream().mapToInt(Ingredient::weight).sum() + (toxic(ingredients) ? weights.combination() : 0);
        if (score <= 0) {
            return Optional.empty();
        }
        Finding any = evidence.getFirst();
        String name = functionArn.substring(functionArn.lastIndexOf(':') + 1);
        return Optional.of(new RiskPath(functionArn, name, any.accountId(), any.accountName(), any.region(), any.owner(),
                any.ouPath(), score, weights.tier(score), RiskChain.describe(name, any.accountId(), ingredients),
                ingredients, null));
    }

    private static boolean toxic(List<Ingredient> ingredients) {
        return ingredients.stream().anyMatch(i -> i.kind().outsideTheOrganisation())
                && ingredients.stream().anyMatch(i -> i.kind().powerful());
    }

    /** Environment variables, tags or the description a secret was found in. */
    private static List<String> subjects(List<Finding> findings) {
        return findings.stream().filter(f -> IngredientKind.forRule(f.ruleId()).orElseThrow() == IngredientKind.SECRET)
                .flatMap(f -> f.related().stream())
                .map(r -> r.startsWith("env:") ? r.substring("env:".length()) : r)
                .distinct().sorted().toList();
    }

    /**
     * The unqualified ARN of the function a finding is about ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}),
     * so a finding on an alias joins its function's path; empty for anything that is not a function.
     */
    public static Optional<String> functionArn(String resourceArn) {
        String[] parts = resourceArn.split(":", -1);
        if (parts.length < 7 || !"lambda".equals(parts[2]) || !"function".equals(parts[5]) || parts[6].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(":", List.of(parts).subList(0, 7)));
    }
}
