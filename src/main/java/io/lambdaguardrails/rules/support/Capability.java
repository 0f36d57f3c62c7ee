package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.Details;

import java.util.List;

/**
 * One thing an execution role may effectively do: an action on a resource as its policy names it ({@code *} for
 * every resource), the evaluator's decision — never DENIED here — with the context keys it depends on, and the
 * identity-policy statements that grant it.
 */
public record Capability(CapabilityKind kind, String action, String resource, Decision decision,
                         List<String> dependsOn, List<StatementRef> statements) {

    public Capability {
        dependsOn = List.copyOf(dependsOn);
        statements = List.copyOf(statements);
    }

    /** {@code iam:PassRole on arn:aws:iam::111122223333:role/*}, with the keys it depends on when conditional. */
    public String describe() {
        return action + " on " + Details.safe(resource) + (dependsOn.isEmpty() ? ""
                : " (depends on " + String.join(", ", dependsOn.stream().map(Details::safe).toList()) + ")");
    }
}
