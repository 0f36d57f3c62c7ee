package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.AccessEvaluator;
import io.lambdaguardrails.policy.AccessRequest;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicyKind;
import io.lambdaguardrails.policy.PolicySet;
import io.lambdaguardrails.policy.StatementRef;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What several requests of one caller add up to: allowed when one is, else depending on context (on the union of
 * their keys) when one does, else denied; with the resource-policy statements that grant them.
 */
final class Outcome {

    /** A caller from another account stands for a principal whose own identity policies allow the call. */
    private static final NamedPolicy CALLERS_OWN_POLICIES = new NamedPolicy("caller's own policies",
            PolicyDocument.tryParse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}").orElseThrow());

    private Decision decision = Decision.DENIED;
    private final Set<String> dependsOn = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<StatementRef> statements = new LinkedHashSet<>();

    /** Asks the resource policy whether {@code caller} may do {@code action} on {@code resource}. */
    static Evaluation evaluate(NamedPolicy resourcePolicy, Caller caller, String action, String resource) {
        PolicySet policies = caller.ownPoliciesAllow()
                ? PolicySet.identity(List.of(CALLERS_OWN_POLICIES)).withResource(resourcePolicy)
                : PolicySet.resource(resourcePolicy);
        return AccessEvaluator.evaluate(policies, AccessRequest.of(caller.who(), action, resource, caller.context()));
    }

    void add(Evaluation evaluation) {
        if (evaluation.denied()) {
            return;
        }
        evaluation.granting().stream().filter(r -> r.kind() == PolicyKind.RESOURCE).forEach(statements::add);
        if (evaluation.allowed()) {
            decision = Decision.ALLOWED;
        } else if (decision != Decision.ALLOWED) {
            decision = Decision.DEPENDS_ON_CONTEXT;
            dependsOn.addAll(evaluation.dependsOn());
        }
    }

    boolean possible() {
        return decision != Decision.DENIED;
    }

    Decision decision() {
        return decision;
    }

    List<String> dependsOn() {
        return decision == Decision.DEPENDS_ON_CONTEXT ? List.copyOf(dependsOn) : List.of();
    }

    List<StatementRef> statements() {
        return List.copyOf(statements);
    }
}
