package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The optional per-function reads a scan makes. Each costs one API call or more per function (qualifiers: one
 * list call, and two reads per alias), so a part that only some
 * rules read is read only when a selected rule declares it; a part not read is not collected on the function, so no
 * rule mistakes it for "absent".
 *
 * @param onDemand the parts among {@link #ON_DEMAND} to read
 */
public record CollectionPlan(Set<LambdaFunction.Part> onDemand) {

    /** The function parts read only for a rule that declares them. */
    private static final Set<LambdaFunction.Part> ON_DEMAND = EnumSet.of(LambdaFunction.Part.CONCURRENCY, LambdaFunction.Part.QUALIFIERS);

    /** Reads everything, for callers that evaluate every rule. */
    public static final CollectionPlan EVERYTHING = new CollectionPlan(ON_DEMAND);

    public CollectionPlan {
        onDemand = Set.copyOf(onDemand);
    }

    /** What rules reading these snapshot parts (any record's {@code Part} constants) need. */
    public static CollectionPlan reading(Collection<? extends Enum<?>> parts) {
        Set<LambdaFunction.Part> read = EnumSet.noneOf(LambdaFunction.Part.class);
        parts.stream().filter(ON_DEMAND::contains).map(LambdaFunction.Part.class::cast).forEach(read::add);
        return new CollectionPlan(read);
    }

    public boolean reads(LambdaFunction.Part part) {
        return !ON_DEMAND.contains(part) || onDemand.contains(part);
    }
}
