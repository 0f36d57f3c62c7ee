package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.QualifiedFunction;

import java.util.List;
import java.util.Optional;

/**
 * An access rule that judges the function and each of its aliases and versions as a resource of its own (each has
 * its own resource policy and URL), reporting each at most once under its qualified ARN.
 */
abstract class QualifierRule extends Rule {

    QualifierRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reading(LambdaFunction.Part.QUALIFIERS, reads));
    }

    @Override
    public final List<Violation> evaluate(RuleContext context) {
        return context.functions().flatMap(scope -> {
            Membership membership = context.org().membership(scope.account().accountId());
            return QualifiedFunction.of(scope.function()).stream()
                    .flatMap(target -> check(scope, target, membership).stream());
        }).toList();
    }

    protected abstract Optional<Violation> check(FunctionScope scope, QualifiedFunction target, Membership membership);
}
