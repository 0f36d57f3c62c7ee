package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.RoleAccess;
import io.lambdaguardrails.rules.support.UnreadRoleData;

import java.util.List;
import java.util.Optional;

/**
 * A rule about what a function's execution role can effectively do ({@link RoleAccess}); it cannot judge the scopes
 * whose role documents or SCPs were not all read.
 */
abstract class RoleAccessRule extends FunctionRule {

    RoleAccessRule(RuleMeta meta) {
        super(meta, AccountInventory.Part.IAM);
    }

    @Override
    public final List<NotEvaluated> notEvaluated(RuleContext context) {
        return UnreadRoleData.of(context, scope -> true).stream()
                .map(gap -> cannotJudge(gap.accountId(), gap.region(), gap.reason())).toList();
    }

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return RoleAccess.of(context, scope).flatMap(access -> check(context, scope, access));
    }

    protected abstract Optional<Violation> check(RuleContext context, FunctionScope scope, RoleAccess access);
}
