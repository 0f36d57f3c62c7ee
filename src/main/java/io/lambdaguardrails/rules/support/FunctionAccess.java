package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.List;
import java.util.Optional;

/**
 * What a function is open to and what its code may do, as the access evaluator judged it: who may invoke the
 * function and each of its aliases and versions, and the execution role's effective capabilities, each with the
 * statements that grant it. Written to findings.json so a reader sees why an access or execution-role finding was
 * raised.
 *
 * @param role null when the role's permissions were not collected, or when it can do nothing notable
 */
public record FunctionAccess(String accountId, String region, String functionArn, List<Invoker> invokers,
                             RoleAccess role) {

    public FunctionAccess {
        invokers = List.copyOf(invokers);
    }

    /** Every function that anyone may invoke or whose role can do something notable, in scan order. */
    public static List<FunctionAccess> of(RuleContext context) {
        return context.functions().flatMap(scope -> of(context, scope).stream()).toList();
    }

    static Optional<FunctionAccess> of(RuleContext context, FunctionScope scope) {
        List<Invoker> invokers = FunctionInvokers.of(context, scope);
        RoleAccess role = RoleAccess.of(context, scope).filter(r -> !r.capabilities().isEmpty()).orElse(null);
        if (invokers.isEmpty() && role == null) {
            return Optional.empty();
        }
        return Optional.of(new FunctionAccess(scope.account().accountId(), scope.region().region(),
                scope.function().arn(), invokers, role));
    }
}
