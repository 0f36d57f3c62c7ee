package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a function's resource policy lets callers do beyond invoking it (GetFunction hands out the code). */
public final class FunctionGrants {

    private FunctionGrants() {
    }

    /**
     * One caller's Lambda actions other than invoke on one resource.
     *
     * @param actions the actions allowed, or allowed for some context
     */
    public record Grant(String qualifier, InvokerKind kind, String principal, List<String> actions, Decision decision,
                        List<String> dependsOn, List<StatementRef> statements) {
        public Grant {
            actions = List.copyOf(actions);
            dependsOn = List.copyOf(dependsOn);
            statements = List.copyOf(statements);
        }
    }

    /**
     * Every caller's grants beyond invoke on one resource of {@code membership}'s account, evaluated once per rule
     * context however many rules ask; none when the policy was not collected or does not parse.
     */
    public static List<Grant> beyondInvoke(RuleContext context, QualifiedFunction target, Membership membership) {
        return context.memo().get(new Resource(target.arn(), membership.ownAccount()), () -> evaluate(target, membership));
    }

    private static List<Grant> evaluate(QualifiedFunction target, Membership membership) {
        if (target.policy().isEmpty()) {
            return List.of();
        }
        PolicyDocument document = target.policy().get();
        // Only actions some Allow statement names can be granted: a cheap filter before asking the evaluator.
        List<String> candidates = Actions.LAMBDA_FUNCTION.stream().filter(a -> !Actions.isInvoke(a))
                .filter(a -> document.allowStatements().stream().anyMatch(s -> s.covers(a))).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        NamedPolicy policy = new NamedPolicy(target.name(), document);
        Map<String, List<String>> actionsByCaller = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Caller> callers = new LinkedHashMap<>();
        for (Caller caller : Callers.of(document, membership)) {
            String key = caller.kind() + " " + caller.principal();
            callers.putIfAbsent(key, caller);
            for (String action : candidates) {
                var evaluation = Outcome.evaluate(policy, caller.without(FunctionInvokers.URL_KEYS), action, target.arn());
                outcomes.computeIfAbsent(key, k -> new Outcome()).add(evaluation);
                if (!evaluation.denied()) {
                    List<String> actions = actionsByCaller.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!actions.contains(action)) {
                        actions.add(action);
                    }
                }
            }
        }
        List<Grant> grants = new ArrayList<>();
        actionsByCaller.forEach((key, actions) -> {
            Caller caller = callers.get(key);
            Outcome outcome = outcomes.get(key);
            grants.add(new Grant(target.qualifier(), caller.kind(), caller.principal(), actions, outcome.decision(),
                    outcome.dependsOn(), outcome.statements()));
        });
        return List.copyOf(grants);
    }

    private record Resource(String arn, String account) {
    }
}
