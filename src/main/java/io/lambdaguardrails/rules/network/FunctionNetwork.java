package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where a VPC-attached function's traffic goes: its subnets, their effective route tables and its security groups,
 * resolved against the region's network. Absent when the function is not attached or the network was not read.
 */
record FunctionNetwork(FunctionScope scope, Network network, List<Network.Subnet> subnets,
                       List<Network.SecurityGroup> securityGroups) {

    /**
     * The function's network, or empty when it is not attached or one of its subnets is unknown. Security groups
     * that were not found are left out: an open group found is evidence whatever the others are.
     */
    static Optional<FunctionNetwork> of(FunctionScope scope) {
        var function = scope.function();
        Network network = scope.region().network();
        if (!function.vpcAttached()) {
            return Optional.empty();
        }
        List<Network.Subnet> subnets = new ArrayList<>();
        for (String id : function.vpc().subnetIds()) {
            Optional<Network.Subnet> subnet = network.subnet(id);
            if (subnet.isEmpty()) {
                return Optional.empty();
            }
            subnets.add(subnet.get());
        }
        List<Network.SecurityGroup> groups = function.vpc().securityGroupIds().stream()
                .map(network::securityGroup).flatMap(Optional::stream).toList();
        return Optional.of(new FunctionNetwork(scope, network, subnets, groups));
    }

    static Stream<FunctionNetwork> all(Stream<FunctionScope> functions) {
        return functions.map(FunctionNetwork::of).flatMap(Optional::stream);
    }

    /** The VPC, read from the subnets: Lambda's own answer is not always reliable. */
    String vpcId() {
        return subnets.isEmpty() ? scope.function().vpc().vpcId() : subnets.getFirst().vpcId();
    }

    /** The ids of the function's security groups that {@code match}. */
    List<String> securityGroupIds(Predicate<Network.SecurityGroup> match) {
        return securityGroups.stream().filter(match).map(Network.SecurityGroup::id).toList();
    }

    /** A subnet's effective route table, when it is known. */
    Optional<Network.RouteTable> routeTable(Network.Subnet subnet) {
        return Optional.ofNullable(subnet.routeTableId()).flatMap(network::routeTable);
    }

    /** Each subnet's effective route table, or empty when one of them is unknown. */
    Optional<List<Network.RouteTable>> routeTables() {
        List<Network.RouteTable> tables = new ArrayList<>();
        for (Network.Subnet subnet : subnets) {
            Optional<Network.RouteTable> table = routeTable(subnet);
            if (table.isEmpty()) {
                return Optional.empty();
            }
            tables.add(table.get());
        }
        return Optional.of(tables);
    }
}
