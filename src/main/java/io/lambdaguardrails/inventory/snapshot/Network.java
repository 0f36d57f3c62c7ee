package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The network of the VPCs the region's functions are attached to: everything needed to judge where a function's
 * traffic can go. A rule that needs a part not {@link #collected} stays silent.
 */
public record Network(
        List<Vpc> vpcs,
        List<Subnet> subnets,
        List<RouteTable> routeTables,
        List<SecurityGroup> securityGroups,
        List<NetworkAcl> networkAcls,
        List<FlowLog> flowLogs,
        List<VpcEndpoint> endpoints,
        List<Gateway> gateways,
        Set<Part> notCollected) {

    public enum Part {
        VPCS, SUBNETS, ROUTE_TABLES, SECURITY_GROUPS, NETWORK_ACLS, FLOW_LOGS, ENDPOINTS, GATEWAYS
    }

    public Network {
        vpcs = List.copyOf(vpcs);
        subnets = List.copyOf(subnets);
        routeTables = List.copyOf(routeTables);
        securityGroups = List.copyOf(securityGroups);
        networkAcls = List.copyOf(networkAcls);
        flowLogs = List.copyOf(flowLogs);
        endpoints = List.copyOf(endpoints);
        gateways = List.copyOf(gateways);
        notCollected = NotCollected.of(Part.class, notCollected);
    }

    /** The network of a region without VPC-attached functions: nothing to read. */
    public static Network empty() {
        return new Network(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Set.of());
    }

    /** A network none of whose parts could be read. */
    public static Network unknown() {
        return new Network(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Set.of(Part.values()));
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }

    public Optional<Subnet> subnet(String id) {
        return subnets.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<RouteTable> routeTable(String id) {
        return routeTables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<SecurityGroup> securityGroup(String id) {
        return securityGroups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public record Vpc(String id, String cidrBlock, boolean isDefault) {
    }

    /** A subnet with its <em>effective</em> route table: the explicitly associated one, else the VPC's main table. */
    public record Subnet(String id, String vpcId, String availabilityZone, String availabilityZoneId,
                         String routeTableId, boolean explicitRouteTable) {
    }

    public record RouteTable(String id, String vpcId, boolean main, List<Route> routes) {
        public RouteTable {
            routes = List.copyOf(routes);
        }
    }

    /** A route; {@code target} is the gateway, NAT, endpoint or peering id it sends traffic to. */
    public record Route(String destination, String target, State state) {

        /** Whether the route carries traffic: a blackhole route's target is gone; null when not said. */
        public enum State {
            ACTIVE, BLACKHOLE, FILTERED, UNKNOWN;

            /** AWS spells it active, as the saved inventory keeps it. */
            @JsonValue
            public String awsName() {
                return AwsNames.camelCase(this);
            }

            @JsonCreator
            public static State of(String text) {
                return AwsNames.of(State.class, text);
            }
        }
    }

    public record SecurityGroup(String id, String vpcId, String name, List<SgRule> ingress, List<SgRule> egress) {
        public SecurityGroup {
            ingress = List.copyOf(ingress);
            egress = List.copyOf(egress);
        }
    }

    /** One permission of a security group; ports are null for all ports, protocol {@code -1} means all. */
    public record SgRule(String protocol, Integer fromPort, Integer toPort, List<String> cidrs, List<String> groupIds) {
        public SgRule {
            cidrs = List.copyOf(cidrs);
            groupIds = List.copyOf(groupIds);
        }
    }

    public record NetworkAcl(String id, String vpcId, boolean isDefault, List<String> subnetIds, List<AclEntry> entries) {
        public NetworkAcl {
            subnetIds = List.copyOf(subnetIds);
            entries = List.copyOf(entries);
        }
    }

    public record AclEntry(int ruleNumber, boolean egress, String protocol, Action action, String cidr,
                           Integer fromPort, Integer toPort) {

        /** What the entry does with the traffic it matches; null when not said. */
        public enum Action {
            ALLOW, DENY, UNKNOWN;

            /** AWS spells it allow, as the saved inventory keeps it. */
            @JsonValue
            public String awsName() {
                return AwsNames.camelCase(this);
            }

            @JsonCreator
            public static Action of(String text) {
                return AwsNames.of(Action.class, text);
            }
        }
    }

    /**
     * A flow log on a VPC, subnet or ENI ({@code resourceId}), with its status and delivery health, the traffic it
     * captures ({@code ALL}, {@code ACCEPT} or {@code REJECT}) and where it delivers ({@code cloud-watch-logs},
     * {@code s3} or {@code kinesis-data-firehose}, and the destination's ARN or log group).
     */
    public record FlowLog(String id, String resourceId, Status status, DeliveryStatus deliverLogsStatus,
                          TrafficType trafficType, String destinationType, String destination) {

        /** Whether the log is capturing; null when not said. */
        public enum Status {
            ACTIVE, UNKNOWN;

            @JsonCreator
            public static Status of(String text) {
                return AwsNames.of(Status.class, text);
            }
        }

        /** How the last delivery to the destination went; null when not said. */
        public enum DeliveryStatus {
            SUCCESS, FAILED, SKIPPED, UNKNOWN;

            @JsonCreator
            public static DeliveryStatus of(String text) {
                return AwsNames.of(DeliveryStatus.class, text);
            }
        }

        /** The connections the log records: accepted, rejected, or all of them; null when not said. */
        public enum TrafficType {
            ACCEPT, REJECT, ALL, UNKNOWN;

            @JsonCreator
            public static TrafficType of(String text) {
                return AwsNames.of(TrafficType.class, text);
            }
        }
    }

    /** A VPC endpoint; gateway endpoints carry route tables, interface endpoints subnets. */
    public record VpcEndpoint(String id, String vpcId, String serviceName, Type type, State state,
                              List<String> routeTableIds, List<String> subnetIds) {
        public VpcEndpoint {
            routeTableIds = List.copyOf(routeTableIds);
            subnetIds = List.copyOf(subnetIds);
        }

        /** How the endpoint is reached: through route tables (gateway) or network interfaces; null when not said. */
        public enum Type {
            INTERFACE, GATEWAY, GATEWAY_LOAD_BALANCER, RESOURCE, SERVICE_NETWORK, UNKNOWN;

            /** AWS spells it Gateway, as the saved inventory keeps it. */
            @JsonValue
            public String awsName() {
                return AwsNames.pascalCase(this);
            }

            @JsonCreator
            public static Type of(String text) {
                return AwsNames.of(Type.class, text);
            }
        }

        /** Where the endpoint is in its life; only an available one carries traffic. Null when not said. */
        public enum State {
            PENDING_ACCEPTANCE, PENDING, AVAILABLE, DELETING, DELETED, REJECTED, FAILED, EXPIRED, PARTIAL, UNKNOWN;

            /** EC2 answers available (pendingAcceptance), as the saved inventory keeps it. */
            @JsonValue
            public String awsName() {
                return AwsNames.camelCase(this);
            }

            @JsonCreator
            public static State of(String text) {
                return AwsNames.of(State.class, text);
            }
        }
    }

    /** An internet gateway or NAT gateway and the VPC it serves. */
    public record Gateway(String id, String type, String vpcId) {
    }
}
