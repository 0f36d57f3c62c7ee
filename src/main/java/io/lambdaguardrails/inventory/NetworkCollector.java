package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.Network.AclEntry;
import io.lambdaguardrails.inventory.snapshot.Network.Route;
import io.lambdaguardrails.inventory.snapshot.Network.SgRule;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The network around the region's VPC-attached functions: their subnets, and the route tables, security groups,
 * NACLs, flow logs, endpoints and gateways of their VPCs. One filtered Describe call per kind, and none at all in a
 * region without VPC-attached functions. Each subnet gets its effective route table here.
 */
public final class NetworkCollector {

    static final String NAME = "network";

    private final Ec2Client ec2;
    private final ApiCaller calls;

    public NetworkCollector(Ec2Client ec2, ApiCaller calls) {
        this.ec2 = ec2;
        this.calls = calls;
    }

    public Network collect(Collection<String> functionSubnetIds) {
        if (functionSubnetIds.isEmpty()) {
            return Network.empty();
        }
        Set<Network.Part> missing = EnumSet.noneOf(Network.Part.class);
        var rawSubnets = calls.call(NAME, "ec2:DescribeSubnets", () -> ec2.describeSubnetsPaginator(
                r -> r.filters(filter("subnet-id", functionSubnetIds))).subnets().stream().toList());
        if (!rawSubnets.succeeded()) {
            return Network.unknown();
        }
        Set<String> vpcIds = new LinkedHashSet<>();
        rawSubnets.value().forEach(s -> vpcIds.add(s.vpcId()));
        Filter byVpc = filter("vpc-id", vpcIds);

        List<RouteTable> tables = listOrEmpty(Network.Part.ROUTE_TABLES, missing, calls.call(NAME, "ec2:DescribeRouteTables",
                () -> ec2.describeRouteTablesPaginator(r -> r.filters(byVpc)).routeTables().stream().toList()));
        var subnets = rawSubnets.value().stream().map(s -> {
            var explicit = tables.stream().filter(t -> associations(t).anyMatch(a -> s.subnetId().equals(a.subnetId()))).findFirst();
            var effective = explicit.or(() -> tables.stream()
                    .filter(t -> t.vpcId().equals(s.vpcId()) && associations(t).anyMatch(a -> Boolean.TRUE.equals(a.main())))
                    .findFirst());
            return new Network.Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.availabilityZoneId(),
                    effective.map(RouteTable::routeTableId).orElse(null), explicit.isPresent());
        }).toList();

        var vpcs = listOrEmpty(Network.Part.VPCS, missing, calls.call(NAME, "ec2:DescribeVpcs", () -> ec2.describeVpcsPaginator(
                r -> r.vpcIds(vpcIds)).vpcs().stream()
                .map(v -> new Network.Vpc(v.vpcId(), v.cidrBlock(), Boolean.TRUE.equals(v.isDefault()))).toList()));
        var groups = listOrEmpty(Network.Part.SECURITY_GROUPS, missing, calls.call(NAME, "ec2:DescribeSecurityGroups", () -> ec2.describeSecurityGroupsPaginator(
                r -> r.filters(byVpc)).securityGroups().stream()
                .map(g -> new Network.SecurityGroup(g.groupId(), g.vpcId(), g.groupName(),
                        rules(g.ipPermissions()), rules(g.ipPermissionsEgress()))).toList()));
        var acls = listOrEmpty(Network.Part.NETWORK_ACLS, missing, calls.call(NAME, "ec2:DescribeNetworkAcls", () -> ec2.describeNetworkAclsPaginator(
                r -> r.filters(byVpc)).networkAcls().stream()
                .map(a -> new Network.NetworkAcl(a.networkAclId(), a.vpcId(), Boolean.TRUE.equals(a.isDefault()),
                        a.associations().stream().map(x -> x.subnetId()).toList(),
                        a.entries().stream().map(e -> new AclEntry(e.ruleNumber(), Boolean.TRUE.equals(e.egress()),
                                e.protocol(), AclEntry.Action.of(e.ruleActionAsString()),
                                e.cidrBlock() != null ? e.cidrBlock() : e.ipv6CidrBlock(),
                                e.portRange() == null ? null : e.portRange().from(),
                                e.portRange() == null ? null : e.portRange().to())).toList())).toList()));
        List<String> flowLogTargets = Stream.concat(vpcIds.stream(), subnets.stream().map(Network.Subnet::id)).toList();
        var flowLogs = listOrEmpty(Network.Part.FLOW_LOGS, missing, calls.call(NAME, "ec2:DescribeFlowLogs", () -> ec2.describeFlowLogsPaginator(
                r -> r.filter(filter("resource-id", flowLogTargets))).flowLogs().stream()
                .map(f -> new Network.FlowLog(f.flowLogId(), f.resourceId(), Network.FlowLog.Status.of(f.flowLogStatus()),
                        Network.FlowLog.DeliveryStatus.of(f.deliverLogsStatus()),
                        Network.FlowLog.TrafficType.of(f.trafficTypeAsString()), f.logDestinationTypeAsString(),
                        firstNonNull(f.logDestination(), f.logGroupName()))).toList()));
        var endpoints = listOrEmpty(Network.Part.ENDPOINTS, missing, calls.call(NAME, "ec2:DescribeVpcEndpoints", () -> ec2.describeVpcEndpointsPaginator(
                r -> r.filters(byVpc)).vpcEndpoints().stream()
                .map(e -> new Network.VpcEndpoint(e.vpcEndpointId(), e.vpcId(), e.serviceName(),
                        Network.VpcEndpoint.Type.of(e.vpcEndpointTypeAsString()),
                        Network.VpcEndpoint.State.of(e.stateAsString()), e.routeTableIds(), e.subnetIds())).toList()));
        List<Network.Gateway> gateways = new ArrayList<>();
        gateways.addAll(listOrEmpty(Network.Part.GATEWAYS, missing, calls.call(NAME, "ec2:DescribeInternetGateways", () -> ec2.describeInternetGatewaysPaginator(
                r -> r.filters(filter("attachment.vpc-id", vpcIds))).internetGateways().stream()
                .flatMap(g -> g.attachments().stream().map(a -> new Network.Gateway(g.internetGatewayId(), "internet", a.vpcId())))
                .toList())));
        gateways.addAll(listOrEmpty(Network.Part.GATEWAYS, missing, calls.call(NAME, "ec2:DescribeNatGateways", () -> ec2.describeNatGatewaysPaginator(
                r -> r.filter(byVpc)).natGateways().stream()
                .map(n -> new Network.Gateway(n.natGatewayId(), "nat", n.vpcId())).toList())));

        var routeTables = tables.stream().map(t -> new Network.RouteTable(t.routeTableId(), t.vpcId(),
                associations(t).anyMatch(a -> Boolean.TRUE.equals(a.main())),
                t.routes().stream().map(r -> new Route(
                        firstNonNull(r.destinationCidrBlock(), r.destinationIpv6CidrBlock(), r.destinationPrefixListId()),
                        firstNonNull(r.gatewayId(), r.natGatewayId(), r.egressOnlyInternetGatewayId(),
                                r.transitGatewayId(), r.vpcPeeringConnectionId(), r.networkInterfaceId(), r.instanceId()),
                        Route.State.of(r.stateAsString()))).toList())).toList();
        return new Network(vpcs, subnets, routeTables, groups, acls, flowLogs, endpoints, gateways,
                missing);
    }

    private static <T> List<T> listOrEmpty(Network.Part part, Set<Network.Part> missing, ApiCaller.Outcome<List<T>> outcome) {
        if (!outcome.succeeded()) {
            missing.add(part);
            return List.of();
        }
        return outcome.value();
    }

    private static Stream<RouteTableAssociation> associations(RouteTable t) {
        return t.associations() == null ? Stream.empty() : t.associations().stream();
    }

    private static List<SgRule> rules(List<IpPermission> permissions) {
        return permissions.stream().map(p -> new SgRule(p.ipProtocol(), p.fromPort(), p.toPort(),
                Stream.concat(p.ipRanges().stream().map(x -> x.cidrIp()), p.ipv6Ranges().stream().map(x -> x.cidrIpv6())).toList(),
                p.userIdGroupPairs().stream().map(x -> x.groupId()).toList())).toList();
    }

    private static Filter filter(String name, Collection<String> values) {
        return Filter.builder().name(name).values(values).build();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
