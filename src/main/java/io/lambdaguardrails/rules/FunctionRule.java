package io.lambdaguardrails.rules;

import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.List;
import java.util.Optional;

/** A rule that judges each function on its own and reports it at most once. */
public abstract class FunctionRule extends Rule {

    protected FunctionRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reads);
    }

    @Override
    public final List<Violation> evaluate(RuleContext context) {
        return context.functions().flatMap(scope -> check(context, scope).stream()).toList();
    }

    /** What is wrong with this function, if anything. */
    protected abstract Optional<Violation> check(RuleContext context, FunctionScope scope);
}
