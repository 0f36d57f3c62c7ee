package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LG-NET-003: a subnet of the function is public — its effective route table (explicitly associated, else the VPC's
 * main table) has an active route to an internet gateway. Egress-only gateways and prefix-list routes do not count.
 */
public final class PublicSubnet extends NetworkRule {

    public static final RuleMeta META = new RuleMeta("LG-NET-003", "VPC-attached function uses a public subnet",
            Family.NETWORK, Severity.MEDIUM, true,
            "Lambda network interfaces never get public IP addresses, so a function in a public subnet has no "
                    + "internet access at all, while the subnet's route to the internet gateway suggests otherwise. "
                    + "It usually means the function was dropped into the wrong subnets, shares them with "
                    + "internet-facing resources, and times out on any call that leaves the VPC.",
            "Move the function to private subnets whose route table sends 0.0.0.0/0 to a NAT gateway (or to VPC "
                    + "endpoints only): aws lambda update-function-configuration --function-name NAME --vpc-config "
                    + "SubnetIds=subnet-private-a,subnet-private-b,SecurityGroupIds=sg-x.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html",
                    "https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html"),
            List.of());

    public PublicSubnet() {
        super(META, Network.Part.SUBNETS, Network.Part.ROUTE_TABLES);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionNetwork network) {
        List<String> reasons = new ArrayList<>();
        List<String> related = new ArrayList<>();
        for (Network.Subnet subnet : network.subnets()) {
            Optional<Network.RouteTable> table = network.routeTable(subnet);
            Optional<Network.Route> route = table.flatMap(PublicSubnet::internetGatewayRoute);
            if (route.isPresent()) {
                reasons.add(subnet.id() + " (route table " + table.get().id()
                        + (subnet.explicitRouteTable() ? "" : ", the VPC's main table") + ", "
                        + route.get().destination() + " -> " + route.get().target() + ")");
                related.add(subnet.id());
                related.add(table.get().id());
            }
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(network.scope().violation(
                "Public subnet(s): " + String.join("; ", reasons) + ". Lambda gets no public IP there.", related));
    }

    /** A blackhole route, or one in an UNKNOWN state, is not shown to carry traffic to the gateway. */
    private static Optional<Network.Route> internetGatewayRoute(Network.RouteTable table) {
        return table.routes().stream()
                .filter(r -> r.target() != null && r.target().startsWith("igw-"))
                .filter(r -> r.state() == Network.Route.State.ACTIVE)
                .filter(r -> r.destination() == null || !r.destination().startsWith("pl-"))
                .findFirst();
    }
}
