package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.PolicyDocument;

import java.util.List;
import java.util.Optional;

/** A function's resource policy as the access rules read it. */
final class FunctionPolicy {

    private FunctionPolicy() {
    }

    /**
     * The parsed policy; an empty document when the function has none. Empty when it could not be collected or
     * parsed — the rules then say nothing about the function.
     */
    static Optional<PolicyDocument> of(LambdaFunction function) {
        if (!function.collected(LambdaFunction.Part.RESOURCE_POLICY)) {
            return Optional.empty();
        }
        if (function.resourcePolicy() == null) {
            return Optional.of(new PolicyDocument(List.of()));
        }
        return PolicyDocument.tryParse(function.resourcePolicy());
    }
}
