package io.lambdaguardrails.policy;

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

    /** Allowed, or allowed for some context: what a "could it happen" question counts. */
    public boolean possible() {
        return decision != Decision.DENIED;
    }
}
