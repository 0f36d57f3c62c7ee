package io.lambdaguardrails.rules;

import java.util.List;

/**
 * A governance rule: metadata plus a pure evaluation of the snapshot. Implementations never do I/O and never see
 * AWS SDK types; they return one {@link Violation} per affected resource and stay silent on data they do not have.
 * Most judge one function at a time and extend {@link FunctionRule}.
 */
public abstract class Rule {

    private final RuleMeta meta;

    protected Rule(RuleMeta meta) {
        this.meta = meta;
    }

    public final RuleMeta meta() {
        return meta;
    }

    public abstract List<Violation> evaluate(RuleContext context);
}
