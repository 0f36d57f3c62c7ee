package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The optional per-function reads a scan makes. Each costs one API call per function, so a read that only an
 * opt-in rule needs is made only when that rule is enabled; a part not read is listed in
 * {@link LambdaFunction#notCollected()}, so no rule mistakes it for "absent".
 *
 * @param parts the {@link LambdaFunction} part names to read among {@link #OPTIONAL}
 */
public record CollectionPlan(Set<String> parts) {

    /** Optional parts and the rule that needs each. */
    private static final Map<String, String> OPTIONAL = Map.of(LambdaFunction.CONCURRENCY, "LG-OPS-001");

    /** Reads everything, for callers that evaluate every rule. */
    public static final CollectionPlan EVERYTHING = new CollectionPlan(OPTIONAL.keySet());

    public CollectionPlan {
        parts = Set.copyOf(parts);
    }

    /** What the rules with these ids need. */
    public static CollectionPlan forRules(Collection<String> ruleIds) {
        return new CollectionPlan(OPTIONAL.entrySet().stream()
                .filter(e -> ruleIds.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet()));
    }

    public boolean reads(String part) {
        return !OPTIONAL.containsKey(part) || parts.contains(part);
    }
}
