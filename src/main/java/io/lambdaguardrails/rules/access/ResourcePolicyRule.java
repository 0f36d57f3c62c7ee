package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.Optional;

/**
 * A rule about who a function's resource policy admits, judged against the organisation; silent on functions whose
 * policy could not be read.
 */
abstract class ResourcePolicyRule extends FunctionRule {

    ResourcePolicyRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reading(LambdaFunction.Part.RESOURCE_POLICY, reads));
    }

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        Membership membership = context.org().membership(scope.account().accountId());
        return FunctionPolicy.of(scope.function()).flatMap(policy -> check(scope, policy, membership));
    }

    protected abstract Optional<Violation> check(FunctionScope scope, PolicyDocument policy, Membership membership);
}
