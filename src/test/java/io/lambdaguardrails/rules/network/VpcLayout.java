package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.Network.FlowLog;
import io.lambdaguardrails.inventory.snapshot.Network.VpcEndpoint;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.Fixtures;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A VPC and one function attached to it, starting from a well-built layout that no network rule objects to — two
 * private subnets in two zones routed through a NAT gateway, a group allowing HTTPS out, a healthy VPC flow log,
 * endpoints for S3 and Secrets Manager — so that each case changes only what it is about.
 */
final class VpcLayout {

    static final String VPC = "vpc-1";

    List<Network.Subnet> subnets = new ArrayList<>(List.of(
            subnet("subnet-a", "use1-az1", "rtb-private"),
            subnet("subnet-b", "use1-az2", "rtb-private")));
    List<Network.RouteTable> tables = new ArrayList<>(List.of(
            mainTable("rtb-main", route("10.0.0.0/16", "local")),
            table("rtb-private", route("10.0.0.0/16", "local"), route("0.0.0.0/0", "nat-0abc"))));
    List<Network.SecurityGroup> groups = new ArrayList<>(List.of(
            group("sg-fn", List.of(), List.of(sgRule("tcp", 443, 443, "0.0.0.0/0")))));
    List<Network.FlowLog> flowLogs = new ArrayList<>(List.of(
            flowLog("fl-1", VPC, FlowLog.Status.ACTIVE, FlowLog.DeliveryStatus.SUCCESS, FlowLog.TrafficType.ALL)));
    List<Network.VpcEndpoint> endpoints = new ArrayList<>(List.of(
            endpoint("com.amazonaws.us-east-1.s3", VpcEndpoint.Type.GATEWAY, VpcEndpoint.State.AVAILABLE, List.of("rtb-private")),
            endpoint("com.amazonaws.us-east-1.secretsmanager", VpcEndpoint.Type.INTERFACE, VpcEndpoint.State.AVAILABLE,
                    List.of())));
    List<Network.NetworkAcl> acls = new ArrayList<>();
    /** Parts of the region's network that could not be read. */
    Set<Network.Part> notCollected = EnumSet.noneOf(Network.Part.class);
    String rolePolicy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","secretsmanager:GetSecretValue"],"Resource":"*"}]}""";
    /** Managed policies attached to the role; none of them is in the account's inventory. */
    List<String> uncollectedPolicies = new ArrayList<>();
    /** The role's permissions boundary document; null for the fixtures' boundary, which caps nothing. */
    String boundary;
    /** SCP documents attached to the organisation root, beside FullAWSAccess. */
    List<String> rootScps = new ArrayList<>();
    /** The function's event-source ARNs. */
    List<String> eventSources = new ArrayList<>();

    static VpcLayout standard() {
        return new VpcLayout();
    }

    VpcLayout with(UnaryOperator<VpcLayout> change) {
        return change.apply(this);
    }

    Snapshot snapshot() {
        List<String> subnetIds = subnets.stream().map(Network.Subnet::id).toList();
        List<String> groupIds = groups.stream().map(Network.SecurityGroup::id).toList();
        String boundaryArn = "arn:aws:iam::111111111111:policy/layout-boundary";
        return Fixtures.org(o -> {
            if (!rootScps.isEmpty()) {
                o.scp("p-FullAWSAccess", """
                        {"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", "r-root");
                for (int i = 0; i < rootScps.size(); i++) {
                    o.scp("p-layout-" + i, rootScps.get(i), "r-root");
                }
            }
            o.account("111111111111", a -> {
                if (boundary != null) {
                    a.customerManagedPolicy(boundaryArn, boundary);
                }
                a.role("fn-role", r -> {
                    r.inline("app", rolePolicy);
                    uncollectedPolicies.forEach(r::attached);
                    return boundary == null ? r : r.boundary(boundaryArn);
                }).region(Fixtures.REGION, r -> r
                        .network(n -> {
                            n.vpc(VPC);
                            subnets.forEach(n::subnet);
                            tables.forEach(n::routeTable);
                            groups.forEach(n::securityGroup);
                            flowLogs.forEach(n::flowLog);
                            endpoints.forEach(n::endpoint);
                            acls.forEach(n::acl);
                            notCollected.forEach(n::notCollected);
                        })
                        .function("fn", f -> {
                            f.vpc(VPC, subnetIds, groupIds);
                            eventSources.forEach(f::eventSource);
                        }));
            });
        });
    }

    /** A subnet explicitly associated with {@code routeTableId}. */
    static Network.Subnet subnet(String id, String azId, String routeTableId) {
        return new Network.Subnet(id, VPC, "az-" + azId, azId, routeTableId, true);
    }

    /** A subnet with no route table of its own: it uses the VPC's main table {@code mainTableId}. */
    static Network.Subnet subnetOnMainTable(String id, String azId, String mainTableId) {
        return new Network.Subnet(id, VPC, "az-" + azId, azId, mainTableId, false);
    }

    static Network.RouteTable table(String id, Network.Route... routes) {
        return new Network.RouteTable(id, VPC, false, List.of(routes));
    }

    static Network.RouteTable mainTable(String id, Network.Route... routes) {
        return new Network.RouteTable(id, VPC, true, List.of(routes));
    }

    static Network.Route route(String destination, String target) {
        return new Network.Route(destination, target, Network.Route.State.ACTIVE);
    }

    static Network.SecurityGroup group(String id, List<Network.SgRule> ingress, List<Network.SgRule> egress) {
        return new Network.SecurityGroup(id, VPC, id, ingress, egress);
    }

    static Network.SgRule sgRule(String protocol, Integer from, Integer to, String cidr) {
        return new Network.SgRule(protocol, from, to, List.of(cidr), List.of());
    }

    static Network.FlowLog flowLog(String id, String resourceId, FlowLog.Status status, FlowLog.DeliveryStatus deliverStatus,
                                   FlowLog.TrafficType trafficType) {
        return new Network.FlowLog(id, resourceId, status, deliverStatus, trafficType, "s3", "arn:aws:s3:::flow-logs");
    }

    static Network.VpcEndpoint endpoint(String service, VpcEndpoint.Type type, VpcEndpoint.State state,
                                        List<String> routeTables) {
        return new Network.VpcEndpoint("vpce-" + service.substring(service.lastIndexOf('.') + 1), VPC, service, type,
                state, routeTables, List.of());
    }
}
