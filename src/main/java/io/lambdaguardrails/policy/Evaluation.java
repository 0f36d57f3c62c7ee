package io.lambdaguardrails.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The answer to "is this request allowed": the decision, the context keys it depends on (when
 * {@link Decision#DEPENDS_ON_CONTEXT}), the identity and resource-policy statements that grant it, and the Deny
 * statements that refuse it (or may, for some context).
 */
public record Evaluation(Decision decision, Set<String> dependsOn, List<StatementRef> granting, List<StatementRef> denying) {

    public Evaluation {
        dependsOn = Set.copyOf(dependsOn);
        granting = List.copyOf(granting);
        denying = List.copyOf(denying);
    }

    public boolean allowed() {
        return decision == Decision.ALLOWED;
    }

    public boolean denied() {
        return decision == Decision.DENIED;
    }

    /**
     * The decision for an operation that needs both requests authorised: denied when either is, allowed when both
     * are, else depending on the keys of those that depend; with the statements of both.
     */
    public Evaluation and(Evaluation other) {
        Decision both = denied() || other.denied() ? Decision.DENIED
                : allowed() && other.allowed() ? Decision.ALLOWED : Decision.DEPENDS_ON_CONTEXT;
        Set<String> keys = new LinkedHashSet<>();
        if (both == Decision.DEPENDS_ON_CONTEXT) {
            keys.addAll(dependsOn);
            keys.addAll(other.dependsOn);
        }
        return new Evaluation(both, keys, union(granting, other.granting), union(denying, other.denying));
    }

    private static List<StatementRef> union(List<StatementRef> a, List<StatementRef> b) {
        Set<StatementRef> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Allowed, or allowed for some context: what a "could it happen" question counts. */
    public boolean possible() {
        return decision != Decision.DENIED;
    }
}
