package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.Optional;

/** A rule about a VPC-attached function's network; silent on functions outside a VPC or whose subnets are unknown. */
abstract class NetworkRule extends FunctionRule {

    NetworkRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reads);
    }

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return FunctionNetwork.of(scope).flatMap(network -> check(context, network));
    }

    protected abstract Optional<Violation> check(RuleContext context, FunctionNetwork network);
}
