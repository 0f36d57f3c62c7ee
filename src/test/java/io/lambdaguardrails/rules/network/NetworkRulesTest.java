package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleCase;
import io.lambdaguardrails.rules.fixtures.RuleSettings;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.inventory.snapshot.Network.AclEntry.Action.ALLOW;
import static io.lambdaguardrails.inventory.snapshot.Network.AclEntry.Action.DENY;
import static io.lambdaguardrails.inventory.snapshot.Network.FlowLog.DeliveryStatus.FAILED;
import static io.lambdaguardrails.inventory.snapshot.Network.FlowLog.DeliveryStatus.SUCCESS;
import static io.lambdaguardrails.inventory.snapshot.Network.FlowLog.Status.ACTIVE;
import static io.lambdaguardrails.inventory.snapshot.Network.FlowLog.TrafficType.ACCEPT;
import static io.lambdaguardrails.inventory.snapshot.Network.FlowLog.TrafficType.ALL;
import static io.lambdaguardrails.inventory.snapshot.Network.FlowLog.TrafficType.REJECT;
import static io.lambdaguardrails.inventory.snapshot.Network.VpcEndpoint.State.AVAILABLE;
import static io.lambdaguardrails.inventory.snapshot.Network.VpcEndpoint.State.PENDING;
import static io.lambdaguardrails.inventory.snapshot.Network.VpcEndpoint.Type.GATEWAY;
import static io.lambdaguardrails.inventory.snapshot.Network.VpcEndpoint.Type.INTERFACE;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.Expect.finding;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reports;
import static io.lambdaguardrails.rules.fixtures.RuleCase.reportsNothing;
import static io.lambdaguardrails.rules.network.VpcLayout.endpoint;
import static io.lambdaguardrails.rules.network.VpcLayout.flowLog;
import static io.lambdaguardrails.rules.network.VpcLayout.group;
import static io.lambdaguardrails.rules.network.VpcLayout.mainTable;
import static io.lambdaguardrails.rules.network.VpcLayout.route;
import static io.lambdaguardrails.rules.network.VpcLayout.sgRule;
import static io.lambdaguardrails.rules.network.VpcLayout.subnet;
import static io.lambdaguardrails.rules.network.VpcLayout.subnetOnMainTable;
import static io.lambdaguardrails.rules.network.VpcLayout.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NetworkRulesTest {

    private static final Settings REQUIRE_VPC = RuleSettings.yaml("network: {requireVpc: true}");
    private static final Settings THREE_ZONES = RuleSettings.yaml("network: {minAzs: 3}");
    private static final Settings CENTRAL_ENDPOINTS = RuleSettings.yaml("network: {centralEndpoints: true}");

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-NET-001
                arguments(new FunctionNotInVpc(), reports("NET-001 not attached: advisory", Fixtures.oneFunction(f -> { }), finding("fn", LOW, "Not attached to a VPC"))),
                arguments(new FunctionNotInVpc(), reports("NET-001 not attached: required", Fixtures.oneFunction(f -> { }), finding("fn", HIGH, "network.requireVpc")).under(REQUIRE_VPC)),
                arguments(new FunctionNotInVpc(), reportsNothing("NET-001 attached", VpcLayout.standard().snapshot())),

                // LG-NET-002
                arguments(new TooFewAvailabilityZones(), reportsNothing("NET-002 two zones", VpcLayout.standard().snapshot())),
                arguments(new TooFewAvailabilityZones(), reports("NET-002 one zone", VpcLayout.standard().with(l -> {
                    l.subnets = List.of(subnet("subnet-a", "use1-az1", "rtb-private"),
                            subnet("subnet-b", "use1-az1", "rtb-private"));
                    return l;
                }).snapshot(), finding("fn", MEDIUM, "span 1 Availability Zone(s) (use1-az1)"))),
                arguments(new TooFewAvailabilityZones(), reports("NET-002 counts zone ids, not zone names", VpcLayout.standard().with(l -> {
                    l.subnets = List.of(new Network.Subnet("subnet-a", VpcLayout.VPC, "us-east-1a", "use1-az4", "rtb-private", true),
                            new Network.Subnet("subnet-b", VpcLayout.VPC, "us-east-1b", "use1-az4", "rtb-private", true));
                    return l;
                }).snapshot(), finding("fn", MEDIUM, "span 1"))),
                arguments(new TooFewAvailabilityZones(), reports("NET-002 two zones when three are required", VpcLayout.standard().snapshot(), finding("fn", MEDIUM, "at least 3")).under(THREE_ZONES)),
                arguments(new TooFewAvailabilityZones(), reportsNothing("NET-002 not attached", Fixtures.oneFunction(f -> { }))),

                // LG-NET-003
                arguments(new PublicSubnet(), reportsNothing("NET-003 private subnets", VpcLayout.standard().snapshot())),
                arguments(new PublicSubnet(), reports("NET-003 public through an explicit route table", VpcLayout.standard().with(l -> {
                    l.subnets = List.of(subnet("subnet-a", "use1-az1", "rtb-public"),
                            subnet("subnet-b", "use1-az2", "rtb-private"));
                    l.tables.add(table("rtb-public", route("10.0.0.0/16", "local"), route("0.0.0.0/0", "igw-1")));
                    return l;
                }).snapshot(), finding("fn", MEDIUM, "subnet-a (route table rtb-public, 0.0.0.0/0 -> igw-1)"))),
                arguments(new PublicSubnet(), reports("NET-003 public through the main route table", VpcLayout.standard().with(l -> {
                    l.subnets = List.of(subnet("subnet-a", "use1-az1", "rtb-private"),
                            subnetOnMainTable("subnet-b", "use1-az2", "rtb-main"));
                    l.tables = List.of(mainTable("rtb-main", route("10.0.0.0/16", "local"), route("0.0.0.0/0", "igw-1")),
                            table("rtb-private", route("0.0.0.0/0", "nat-0abc")));
                    return l;
                }).snapshot(), finding("fn", MEDIUM, "subnet-b (route table rtb-main, the VPC's main table"))),
                arguments(new PublicSubnet(), reportsNothing("NET-003 egress-only internet gateway is not public", VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", route("::/0", "eigw-1"), route("0.0.0.0/0", "nat-0abc")));
                    return l;
                }).snapshot())),
                arguments(new PublicSubnet(), reportsNothing("NET-003 blackholed internet gateway route is not public", VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", new Network.Route("0.0.0.0/0", "igw-1", Network.Route.State.BLACKHOLE)));
                    return l;
                }).snapshot())),
                arguments(new PublicSubnet(), reportsNothing("NET-003 internet gateway route in a state this version does not know is not shown public", VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", new Network.Route("0.0.0.0/0", "igw-1", Network.Route.State.of("propagating"))));
                    return l;
                }).snapshot())),
                arguments(new PublicSubnet(), reportsNothing("NET-003 prefix-list route is not public", VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", route("pl-63a5400a", "igw-1"), route("pl-02cd2c6b", "vpce-s3")));
                    return l;
                }).snapshot())),

                // LG-NET-004
                arguments(new OpenSecurityGroupEgress(), reportsNothing("NET-004 HTTPS only", VpcLayout.standard().snapshot())),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 all protocols to anywhere", groups(
                        group("sg-fn", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/0")))), finding("fn", LOW, "sg-fn allow all traffic out"))),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 every TCP and UDP port to ::/0", groups(
                        group("sg-fn", List.of(), List.of(sgRule("tcp", 0, 65535, "::/0"), sgRule("udp", 0, 65535, "::/0")))), finding("fn", LOW, "sg-fn"))),
                arguments(new OpenSecurityGroupEgress(), reportsNothing("NET-004 every TCP port only", groups(
                        group("sg-fn", List.of(), List.of(sgRule("tcp", 0, 65535, "0.0.0.0/0")))))),
                arguments(new OpenSecurityGroupEgress(), reportsNothing("NET-004 all protocols to the VPC only", groups(
                        group("sg-fn", List.of(), List.of(sgRule("-1", null, null, "10.0.0.0/16")))))),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 all ports to 0.0.0.0/1 plus 128.0.0.0/1 is all ports to anywhere", groups(group("sg-split", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/1"),
                                sgRule("-1", null, null, "128.0.0.0/1")))), finding("fn", LOW, "sg-split"))),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 four /2 blocks cover anywhere", groups(group("sg-quarters", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/2"),
                                sgRule("-1", null, null, "64.0.0.0/2"), sgRule("-1", null, null, "128.0.0.0/2"),
                                sgRule("-1", null, null, "192.0.0.0/2")))), finding("fn", LOW, "sg-quarters"))),
                arguments(new OpenSecurityGroupEgress(), reportsNothing("NET-004 three /2 blocks leave a gap", groups(group("sg-gap", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/2"),
                                sgRule("-1", null, null, "64.0.0.0/2"), sgRule("-1", null, null, "192.0.0.0/2")))))),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 TCP and UDP port ranges that together cover every port", groups(group("sg-ranges", List.of(), List.of(sgRule("tcp", 0, 32767, "0.0.0.0/0"),
                                sgRule("tcp", 32768, 65535, "0.0.0.0/0"), sgRule("udp", 0, 65535, "0.0.0.0/0")))), finding("fn", LOW, "sg-ranges"))),
                arguments(new OpenSecurityGroupEgress(), reportsNothing("NET-004 TCP ranges that miss a port", groups(group("sg-holes", List.of(), List.of(sgRule("tcp", 0, 442, "0.0.0.0/0"),
                                sgRule("tcp", 444, 65535, "0.0.0.0/0"), sgRule("udp", 0, 65535, "0.0.0.0/0")))))),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 protocol numbers 6 and 17 as tcp and udp", groups(group("sg-numbers", List.of(), List.of(sgRule("6", 0, 65535, "::/0"),
                                sgRule("17", 0, 65535, "::/0")))), finding("fn", LOW, "sg-numbers"))),
                arguments(new OpenSecurityGroupEgress(), reports("NET-004 two open groups: one finding naming both", groups(
                        group("sg-a", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/0"))),
                        group("sg-b", List.of(), List.of(sgRule("-1", null, null, "::/0")))), finding("fn", LOW, "sg-a, sg-b"))),

                // LG-NET-005
                arguments(new OpenSecurityGroupIngress(), reportsNothing("NET-005 no ingress", VpcLayout.standard().snapshot())),
                arguments(new OpenSecurityGroupIngress(), reports("NET-005 ingress from anywhere", groups(
                        group("sg-shared", List.of(sgRule("tcp", 22, 22, "0.0.0.0/0")), List.of())), finding("fn", MEDIUM, "sg-shared allow inbound"))),
                arguments(new OpenSecurityGroupIngress(), reports("NET-005 ingress from two halves of the IPv4 space", groups(
                        group("sg-split", List.of(sgRule("tcp", 22, 22, "0.0.0.0/1"), sgRule("tcp", 22, 22, "128.0.0.0/1")),
                                List.of())), finding("fn", MEDIUM, "sg-split allow inbound"))),
                arguments(new OpenSecurityGroupIngress(), reportsNothing("NET-005 halves of the IPv4 space on different ports", groups(
                        group("sg-ports", List.of(sgRule("tcp", 22, 22, "0.0.0.0/1"), sgRule("tcp", 443, 443, "128.0.0.0/1")),
                                List.of())))),
                arguments(new OpenSecurityGroupIngress(), reports("NET-005 ingress from the whole IPv6 space in two blocks", groups(
                        group("sg-v6", List.of(sgRule("-1", null, null, "::/1"), sgRule("-1", null, null, "8000::/1")),
                                List.of())), finding("fn", MEDIUM, "sg-v6"))),
                arguments(new OpenSecurityGroupIngress(), reportsNothing("NET-005 ingress from the VPC", groups(
                        group("sg-fn", List.of(sgRule("tcp", 443, 443, "10.0.0.0/16")), List.of())))),
                arguments(new OpenSecurityGroupIngress(), reports("NET-005 two open groups: one finding naming both", groups(
                        group("sg-a", List.of(sgRule("tcp", 80, 80, "0.0.0.0/0")), List.of()),
                        group("sg-b", List.of(sgRule("-1", null, null, "::/0")), List.of())), finding("fn", MEDIUM, "sg-a, sg-b"))),

                // LG-NET-006
                arguments(new NoVpcFlowLog(), reportsNothing("NET-006 healthy VPC flow log", VpcLayout.standard().snapshot())),
                arguments(new NoVpcFlowLog(), reports("NET-006 no flow log", flowLogs(), finding("fn", MEDIUM, "VPC vpc-1 has no flow log"))),
                arguments(new NoVpcFlowLog(), reports("NET-006 VPC flow log failing delivery", flowLogs(flowLog("fl-1", "vpc-1", ACTIVE, FAILED, ALL)), finding("fn", MEDIUM, "fl-1 on vpc-1 (ALL, ACTIVE/FAILED"))),
                arguments(new NoVpcFlowLog(), reports("NET-006 VPC flow log of REJECT traffic only", flowLogs(flowLog("fl-1", "vpc-1", ACTIVE, SUCCESS, REJECT)), finding("fn", MEDIUM, "only fl-1 on vpc-1 (REJECT, ACTIVE/SUCCESS, to s3"))),
                arguments(new NoVpcFlowLog(), reports("NET-006 VPC flow log of ACCEPT traffic only", flowLogs(flowLog("fl-1", "vpc-1", ACTIVE, SUCCESS, ACCEPT)), finding("fn", MEDIUM, "subnet(s) not covered: subnet-a, subnet-b"))),
                arguments(new NoVpcFlowLog(), reportsNothing("NET-006 ACCEPT and REJECT logs together on the VPC", flowLogs(
                        flowLog("fl-1", "vpc-1", ACTIVE, SUCCESS, ACCEPT),
                        flowLog("fl-2", "vpc-1", ACTIVE, SUCCESS, REJECT)))),
                arguments(new NoVpcFlowLog(), reportsNothing("NET-006 ACCEPT on the VPC and REJECT on each subnet", flowLogs(
                        flowLog("fl-1", "vpc-1", ACTIVE, SUCCESS, ACCEPT),
                        flowLog("fl-a", "subnet-a", ACTIVE, SUCCESS, REJECT),
                        flowLog("fl-b", "subnet-b", ACTIVE, SUCCESS, REJECT)))),
                arguments(new NoVpcFlowLog(), reports("NET-006 ACCEPT and REJECT, but the REJECT log is failing", flowLogs(
                        flowLog("fl-1", "vpc-1", ACTIVE, SUCCESS, ACCEPT),
                        flowLog("fl-2", "vpc-1", ACTIVE, FAILED, REJECT)), finding("fn", MEDIUM, "fl-2 on vpc-1 (REJECT, ACTIVE/FAILED"))),
                arguments(new NoVpcFlowLog(), reports("NET-006 flow log in a status this version does not know is not shown healthy", flowLogs(flowLog("fl-1", "vpc-1", Network.FlowLog.Status.of("PAUSED"), SUCCESS, ALL)), finding("fn", MEDIUM, "fl-1 on vpc-1 (ALL, UNKNOWN/SUCCESS"))),
                arguments(new NoVpcFlowLog(), reportsNothing("NET-006 delivery status this version does not know is not a failure", flowLogs(flowLog("fl-1", "vpc-1", ACTIVE, Network.FlowLog.DeliveryStatus.of("THROTTLED"), ALL)))),
                arguments(new NoVpcFlowLog(), reportsNothing("NET-006 flow logs on every subnet", flowLogs(
                        flowLog("fl-a", "subnet-a", ACTIVE, SUCCESS, ALL),
                        flowLog("fl-b", "subnet-b", ACTIVE, SUCCESS, ALL)))),
                arguments(new NoVpcFlowLog(), reports("NET-006 flow log on one subnet of two", flowLogs(
                        flowLog("fl-a", "subnet-a", ACTIVE, SUCCESS, ALL)), finding("fn", MEDIUM, "VPC vpc-1"))),

                // LG-NET-007
                arguments(new MissingVpcEndpoint(), reportsNothing("NET-007 endpoints for every service used", VpcLayout.standard().snapshot())),
                arguments(new MissingVpcEndpoint(), reports("NET-007 role uses KMS, no KMS endpoint", rolePolicy("""
                        {"Statement":[{"Effect":"Allow","Action":["s3:GetObject","kms:Decrypt"],"Resource":"*"}]}"""), finding("fn", LOW, "may use kms but VPC vpc-1 has no available endpoint for it"))),
                arguments(new MissingVpcEndpoint(), reports("NET-007 gateway endpoint not on the function's route table", VpcLayout.standard().with(l -> {
                            l.endpoints = List.of(endpoint("com.amazonaws.us-east-1.s3", GATEWAY, AVAILABLE, List.of("rtb-main")),
                                    endpoint("com.amazonaws.us-east-1.secretsmanager", INTERFACE, AVAILABLE, List.of()));
                            return l;
                        }).snapshot(), finding("fn", LOW, "may use s3 but"))),
                arguments(new MissingVpcEndpoint(), reports("NET-007 endpoint still pending", VpcLayout.standard().with(l -> {
                    l.endpoints = List.of(endpoint("com.amazonaws.us-east-1.s3", GATEWAY, AVAILABLE, List.of("rtb-private")),
                            endpoint("com.amazonaws.us-east-1.secretsmanager", INTERFACE, PENDING, List.of()));
                    return l;
                }).snapshot(), finding("fn", LOW, "may use secretsmanager but"))),
                arguments(new MissingVpcEndpoint(), reports("NET-007 endpoint in a state this version does not know", VpcLayout.standard().with(l -> {
                    l.endpoints = List.of(endpoint("com.amazonaws.us-east-1.s3", GATEWAY, AVAILABLE, List.of("rtb-private")),
                            endpoint("com.amazonaws.us-east-1.secretsmanager", INTERFACE, Network.VpcEndpoint.State.of("migrating"), List.of()));
                    return l;
                }).snapshot(), finding("fn", LOW, "may use secretsmanager but"))),
                arguments(new MissingVpcEndpoint(), reports("NET-007 wildcard role lists every service without an endpoint", rolePolicy("""
                        {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"""), finding("fn", LOW, "may use dynamodb, kms, sqs, sns but"))),
                arguments(new MissingVpcEndpoint(), reportsNothing("NET-007 central endpoints exempt", rolePolicy("""
                        {"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""")).under(CENTRAL_ENDPOINTS)),
                arguments(new MissingVpcEndpoint(), reportsNothing("NET-007 unreadable role policy is not judged", rolePolicy("not json"))),
                arguments(new MissingVpcEndpoint(), reports("NET-007 NotAction lets the role use every service it does not list", rolePolicy("""
                        {"Statement":{"Effect":"Allow","NotAction":["s3:*","secretsmanager:*","dynamodb:*","sqs:*","sns:*"],"Resource":"*"}}"""), finding("fn", LOW, "may use kms but"))),
                arguments(new MissingVpcEndpoint(), reportsNothing("NET-007 a Deny is not a use", rolePolicy("""
                        {"Statement":[{"Effect":"Deny","Action":"kms:*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""))),
                arguments(new MissingVpcEndpoint(), reportsNothing("NET-007 role with an uncollected attached policy is not judged", VpcLayout.standard().with(l -> {
                            l.rolePolicy = """
                                    {"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";
                            l.uncollectedPolicies = List.of("arn:aws:iam::111111111111:policy/unread");
                            return l;
                        }).snapshot())),

                // LG-NET-008
                arguments(new OpenNetworkAcl(), reportsNothing("NET-008 no ACL data", VpcLayout.standard().snapshot())),
                arguments(new OpenNetworkAcl(), reports("NET-008 default allow-all ACL", acls(defaultAcl("acl-1", "subnet-a", "subnet-b")), finding("acl-1", LOW, "allows all traffic in from anywhere and out to anywhere"))),
                arguments(new OpenNetworkAcl(), reportsNothing("NET-008 deny before the allow-all", acls(new Network.NetworkAcl("acl-1", VpcLayout.VPC,
                        false, List.of("subnet-a", "subnet-b"), List.of(
                        new Network.AclEntry(50, false, "-1", DENY, "203.0.113.0/24", null, null),
                        new Network.AclEntry(100, false, "-1", ALLOW, "0.0.0.0/0", null, null),
                        new Network.AclEntry(50, true, "-1", DENY, "203.0.113.0/24", null, null),
                        new Network.AclEntry(100, true, "-1", ALLOW, "0.0.0.0/0", null, null)))))),
                arguments(new OpenNetworkAcl(), reportsNothing("NET-008 entry whose action this version does not know may deny", acls(new Network.NetworkAcl("acl-1", VpcLayout.VPC,
                        false, List.of("subnet-a", "subnet-b"), List.of(
                        new Network.AclEntry(50, false, "-1", Network.AclEntry.Action.of("log"), "203.0.113.0/24", null, null),
                        new Network.AclEntry(100, false, "-1", ALLOW, "0.0.0.0/0", null, null),
                        new Network.AclEntry(50, true, "-1", Network.AclEntry.Action.of("log"), "203.0.113.0/24", null, null),
                        new Network.AclEntry(100, true, "-1", ALLOW, "0.0.0.0/0", null, null)))))),
                arguments(new OpenNetworkAcl(), reports("NET-008 allow-all entries for the two halves of the IPv4 space", acls(new Network.NetworkAcl("acl-1", VpcLayout.VPC, false, List.of("subnet-a"), List.of(
                                new Network.AclEntry(100, false, "-1", ALLOW, "0.0.0.0/1", null, null),
                                new Network.AclEntry(110, false, "-1", ALLOW, "128.0.0.0/1", null, null)))), finding("acl-1", LOW, "in from anywhere"))),
                arguments(new OpenNetworkAcl(), reportsNothing("NET-008 open ACL on another subnet", acls(defaultAcl("acl-9", "subnet-z")))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(Rule rule, RuleCase c) {
        RuleTester.of(rule).check(c);
    }

    @Test
    void reportsAnOpenAclOnceForEveryFunctionThatUsesIt() {
        Network.NetworkAcl acl = defaultAcl("acl-1", "subnet-a");
        Snapshot snapshot = Fixtures.org(o -> o.account("111111111111", a -> a.region(Fixtures.REGION, r -> r
                .network(n -> n.vpc(VpcLayout.VPC).subnet(subnetOnMainTable("subnet-a", "use1-az1", "rtb-main"))
                        .routeTable(mainTable("rtb-main")).acl(acl))
                .function("one", f -> f.vpc(VpcLayout.VPC, List.of("subnet-a"), List.of()))
                .function("two", f -> f.vpc(VpcLayout.VPC, List.of("subnet-a"), List.of())))));

        var violations = RuleTester.of(new OpenNetworkAcl()).run(snapshot);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.resourceArn()).isEqualTo("arn:aws:ec2:us-east-1:111111111111:network-acl/acl-1");
            assertThat(v.related()).containsExactly("arn:aws:lambda:us-east-1:111111111111:function:one",
                    "arn:aws:lambda:us-east-1:111111111111:function:two");
        });
    }

    @Test
    void offByDefaultRulesSaySo() {
        assertThat(OpenNetworkAcl.META.enabledByDefault()).isFalse();
        assertThat(FunctionNotInVpc.META.enabledByDefault()).isTrue();
    }

    @Test
    void unknownSubnetMeansNotEvaluated() {
        Snapshot snapshot = Fixtures.oneFunction(f -> f.vpc(VpcLayout.VPC, List.of("subnet-unknown"), List.of()));
        assertThat(RuleTester.of(new TooFewAvailabilityZones()).run(snapshot)).isEmpty();
        assertThat(RuleTester.of(new NoVpcFlowLog()).run(snapshot)).isEmpty();
    }

    @Test
    void aNetworkPartThatWasNotReadIsNotEvidenceOfAbsence() {
        VpcLayout noFlowLog = VpcLayout.standard().with(l -> {
            l.flowLogs = List.of();
            return l;
        });
        assertThat(RuleTester.of(new NoVpcFlowLog()).run(noFlowLog.snapshot())).hasSize(1);
        noFlowLog.notCollected.add(Network.Part.FLOW_LOGS);
        assertThat(RuleTester.of(new NoVpcFlowLog()).run(noFlowLog.snapshot())).isEmpty();

        VpcLayout noEndpoint = VpcLayout.standard().with(l -> {
            l.endpoints = List.of();
            return l;
        });
        assertThat(RuleTester.of(new MissingVpcEndpoint()).run(noEndpoint.snapshot())).hasSize(1);
        noEndpoint.notCollected.add(Network.Part.ENDPOINTS);
        assertThat(RuleTester.of(new MissingVpcEndpoint()).run(noEndpoint.snapshot())).isEmpty();
    }

    private static Snapshot groups(Network.SecurityGroup... groups) {
        return VpcLayout.standard().with(l -> {
            l.groups = List.of(groups);
            return l;
        }).snapshot();
    }

    private static Snapshot flowLogs(Network.FlowLog... logs) {
        return VpcLayout.standard().with(l -> {
            l.flowLogs = List.of(logs);
            return l;
        }).snapshot();
    }

    private static Snapshot rolePolicy(String document) {
        return VpcLayout.standard().with(l -> {
            l.rolePolicy = document;
            return l;
        }).snapshot();
    }

    private static Snapshot acls(Network.NetworkAcl... acls) {
        return VpcLayout.standard().with(l -> {
            l.acls = List.of(acls);
            return l;
        }).snapshot();
    }

    private static Network.NetworkAcl defaultAcl(String id, String... subnets) {
        return new Network.NetworkAcl(id, VpcLayout.VPC, true, List.of(subnets), List.of(
                new Network.AclEntry(100, false, "-1", ALLOW, "0.0.0.0/0", null, null),
                new Network.AclEntry(32767, false, "-1", DENY, "0.0.0.0/0", null, null),
                new Network.AclEntry(100, true, "-1", ALLOW, "0.0.0.0/0", null, null),
                new Network.AclEntry(32767, true, "-1", DENY, "0.0.0.0/0", null, null)));
    }
}
