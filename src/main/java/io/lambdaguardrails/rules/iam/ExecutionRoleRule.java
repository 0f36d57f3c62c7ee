package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;

import java.util.Optional;

/** A rule about a function's execution role; silent when IAM was not read or the role is not in it. */
abstract class ExecutionRoleRule extends FunctionRule {

    ExecutionRoleRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reading(AccountInventory.Part.IAM, reads));
    }

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return ExecutionRole.of(scope).flatMap(role -> check(context, scope, role));
    }

    protected abstract Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role);
}
