package io.lambdaguardrails.rules;

import java.util.List;

/**
 * A governance rule: metadata plus a pure evaluation of the snapshot. Implementations never do I/O and never see
 * AWS SDK types; they return one {@link Violation} per affected resource and stay silent on data they do not have.
 */
public interface Rule {

    RuleMeta meta();

    List<Violation> evaluate(RuleContext context);
}
