package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.Optional;

/**
 * A rule about a VPC-attached function's network; silent on functions outside a VPC, whose subnets are unknown, or
 * whose region's network lacks a part the rule reads (no flow logs read is not "no flow log").
 */
abstract class NetworkRule extends FunctionRule {

    NetworkRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reads);
    }

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return FunctionNetwork.of(scope)
                .filter(network -> readsCollected(network.network()))
                .flatMap(network -> check(context, network));
    }

    private boolean readsCollected(Network network) {
        return reads().stream().filter(Network.Part.class::isInstance).map(Network.Part.class::cast)
                .allMatch(network::collected);
    }

    protected abstract Optional<Violation> check(RuleContext context, FunctionNetwork network);
}
