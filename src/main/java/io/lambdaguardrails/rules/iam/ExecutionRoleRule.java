package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;
import io.lambdaguardrails.rules.support.UnreadRoleData;

import java.util.List;
import java.util.Optional;

/**
 * A rule about a function's execution role; silent when IAM was not read (coverage says so) and not evaluated, said
 * so per region, where the role is not in IAM or something of the role it needs ({@link #unread}) was not read.
 */
abstract class ExecutionRoleRule extends FunctionRule {

    ExecutionRoleRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reading(AccountInventory.Part.IAM, reads));
    }

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return ExecutionRole.of(scope).flatMap(role -> check(context, scope, role));
    }

    protected abstract Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role);

    @Override
    public final List<NotEvaluated> notEvaluated(RuleContext context) {
        return UnreadRoleData.forEveryRole(context, this::unread).stream()
                .map(gap -> cannotJudge(gap.accountId(), gap.region(), gap.reason())).toList();
    }

    /** What of the role this rule needs and was not read, as a reader would name it; nothing by default. */
    protected List<String> unread(IamRole role) {
        return List.of();
    }
}
