package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import io.lambdaguardrails.rules.fixtures.RuleRun;
import io.lambdaguardrails.rules.fixtures.RuleRun.Expect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.findings.Severity.HIGH;
import static io.lambdaguardrails.findings.Severity.LOW;
import static io.lambdaguardrails.findings.Severity.MEDIUM;
import static io.lambdaguardrails.rules.fixtures.RuleRun.expect;
import static io.lambdaguardrails.rules.network.VpcLayout.endpoint;
import static io.lambdaguardrails.rules.network.VpcLayout.flowLog;
import static io.lambdaguardrails.rules.network.VpcLayout.group;
import static io.lambdaguardrails.rules.network.VpcLayout.route;
import static io.lambdaguardrails.rules.network.VpcLayout.sgRule;
import static io.lambdaguardrails.rules.network.VpcLayout.subnet;
import static io.lambdaguardrails.rules.network.VpcLayout.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NetworkRulesTest {

    private static final Settings DEFAULTS = Settings.defaults();

    static Stream<Arguments> cases() {
        return Stream.of(
                // LG-NET-001
                arguments("NET-001 not attached: advisory", new FunctionNotInVpc(), Fixtures.oneFunction(f -> { }),
                        DEFAULTS, List.of(expect("fn", LOW, "Not attached to a VPC"))),
                arguments("NET-001 not attached: required", new FunctionNotInVpc(), Fixtures.oneFunction(f -> { }),
                        network(true, 2, false), List.of(expect("fn", HIGH, "network.requireVpc"))),
                arguments("NET-001 attached", new FunctionNotInVpc(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),

                // LG-NET-002
                arguments("NET-002 two zones", new TooFewAvailabilityZones(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),
                arguments("NET-002 one zone", new TooFewAvailabilityZones(), VpcLayout.standard().with(l -> {
                    l.subnets = List.of(subnet("subnet-a", "use1-az1", "rtb-private", true),
                            subnet("subnet-b", "use1-az1", "rtb-private", true));
                    return l;
                }).snapshot(), DEFAULTS, List.of(expect("fn", MEDIUM, "span 1 Availability Zone(s) (use1-az1)"))),
                arguments("NET-002 counts zone ids, not zone names", new TooFewAvailabilityZones(), VpcLayout.standard().with(l -> {
                    l.subnets = List.of(new Network.Subnet("subnet-a", VpcLayout.VPC, "us-east-1a", "use1-az4", "rtb-private", true),
                            new Network.Subnet("subnet-b", VpcLayout.VPC, "us-east-1b", "use1-az4", "rtb-private", true));
                    return l;
                }).snapshot(), DEFAULTS, List.of(expect("fn", MEDIUM, "span 1"))),
                arguments("NET-002 two zones when three are required", new TooFewAvailabilityZones(),
                        VpcLayout.standard().snapshot(), network(false, 3, false), List.of(expect("fn", MEDIUM, "at least 3"))),
                arguments("NET-002 not attached", new TooFewAvailabilityZones(), Fixtures.oneFunction(f -> { }), DEFAULTS, List.of()),

                // LG-NET-003
                arguments("NET-003 private subnets", new PublicSubnet(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),
                arguments("NET-003 public through an explicit route table", new PublicSubnet(), VpcLayout.standard().with(l -> {
                    l.subnets = List.of(subnet("subnet-a", "use1-az1", "rtb-public", true),
                            subnet("subnet-b", "use1-az2", "rtb-private", true));
                    l.tables.add(table("rtb-public", false, route("10.0.0.0/16", "local"), route("0.0.0.0/0", "igw-1")));
                    return l;
                }).snapshot(), DEFAULTS, List.of(expect("fn", MEDIUM, "subnet-a (route table rtb-public, 0.0.0.0/0 -> igw-1)"))),
                arguments("NET-003 public through the main route table", new PublicSubnet(), VpcLayout.standard().with(l -> {
                    l.subnets = List.of(subnet("subnet-a", "use1-az1", "rtb-private", true),
                            subnet("subnet-b", "use1-az2", "rtb-main", false));
                    l.tables = List.of(table("rtb-main", true, route("10.0.0.0/16", "local"), route("0.0.0.0/0", "igw-1")),
                            table("rtb-private", false, route("0.0.0.0/0", "nat-0abc")));
                    return l;
                }).snapshot(), DEFAULTS, List.of(expect("fn", MEDIUM, "subnet-b (route table rtb-main, the VPC's main table"))),
                arguments("NET-003 egress-only internet gateway is not public", new PublicSubnet(), VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", false, route("::/0", "eigw-1"), route("0.0.0.0/0", "nat-0abc")));
                    return l;
                }).snapshot(), DEFAULTS, List.of()),
                arguments("NET-003 blackholed internet gateway route is not public", new PublicSubnet(), VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", false, new Network.Route("0.0.0.0/0", "igw-1", "blackhole")));
                    return l;
                }).snapshot(), DEFAULTS, List.of()),
                arguments("NET-003 prefix-list route is not public", new PublicSubnet(), VpcLayout.standard().with(l -> {
                    l.tables = List.of(table("rtb-private", false, route("pl-63a5400a", "igw-1"), route("pl-02cd2c6b", "vpce-s3")));
                    return l;
                }).snapshot(), DEFAULTS, List.of()),

                // LG-NET-004
                arguments("NET-004 HTTPS only", new OpenSecurityGroupEgress(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),
                arguments("NET-004 all protocols to anywhere", new OpenSecurityGroupEgress(), groups(
                        group("sg-fn", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/0")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-fn allow all traffic out"))),
                arguments("NET-004 every TCP and UDP port to ::/0", new OpenSecurityGroupEgress(), groups(
                        group("sg-fn", List.of(), List.of(sgRule("tcp", 0, 65535, "::/0"), sgRule("udp", 0, 65535, "::/0")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-fn"))),
                arguments("NET-004 every TCP port only", new OpenSecurityGroupEgress(), groups(
                        group("sg-fn", List.of(), List.of(sgRule("tcp", 0, 65535, "0.0.0.0/0")))), DEFAULTS, List.of()),
                arguments("NET-004 all protocols to the VPC only", new OpenSecurityGroupEgress(), groups(
                        group("sg-fn", List.of(), List.of(sgRule("-1", null, null, "10.0.0.0/16")))), DEFAULTS, List.of()),
                arguments("NET-004 all ports to 0.0.0.0/1 plus 128.0.0.0/1 is all ports to anywhere", new OpenSecurityGroupEgress(),
                        groups(group("sg-split", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/1"),
                                sgRule("-1", null, null, "128.0.0.0/1")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-split"))),
                arguments("NET-004 four /2 blocks cover anywhere", new OpenSecurityGroupEgress(),
                        groups(group("sg-quarters", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/2"),
                                sgRule("-1", null, null, "64.0.0.0/2"), sgRule("-1", null, null, "128.0.0.0/2"),
                                sgRule("-1", null, null, "192.0.0.0/2")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-quarters"))),
                arguments("NET-004 three /2 blocks leave a gap", new OpenSecurityGroupEgress(),
                        groups(group("sg-gap", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/2"),
                                sgRule("-1", null, null, "64.0.0.0/2"), sgRule("-1", null, null, "192.0.0.0/2")))),
                        DEFAULTS, List.of()),
                arguments("NET-004 TCP and UDP port ranges that together cover every port", new OpenSecurityGroupEgress(),
                        groups(group("sg-ranges", List.of(), List.of(sgRule("tcp", 0, 32767, "0.0.0.0/0"),
                                sgRule("tcp", 32768, 65535, "0.0.0.0/0"), sgRule("udp", 0, 65535, "0.0.0.0/0")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-ranges"))),
                arguments("NET-004 TCP ranges that miss a port", new OpenSecurityGroupEgress(),
                        groups(group("sg-holes", List.of(), List.of(sgRule("tcp", 0, 442, "0.0.0.0/0"),
                                sgRule("tcp", 444, 65535, "0.0.0.0/0"), sgRule("udp", 0, 65535, "0.0.0.0/0")))),
                        DEFAULTS, List.of()),
                arguments("NET-004 protocol numbers 6 and 17 as tcp and udp", new OpenSecurityGroupEgress(),
                        groups(group("sg-numbers", List.of(), List.of(sgRule("6", 0, 65535, "::/0"),
                                sgRule("17", 0, 65535, "::/0")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-numbers"))),
                arguments("NET-004 two open groups: one finding naming both", new OpenSecurityGroupEgress(), groups(
                        group("sg-a", List.of(), List.of(sgRule("-1", null, null, "0.0.0.0/0"))),
                        group("sg-b", List.of(), List.of(sgRule("-1", null, null, "::/0")))),
                        DEFAULTS, List.of(expect("fn", LOW, "sg-a, sg-b"))),

                // LG-NET-005
                arguments("NET-005 no ingress", new OpenSecurityGroupIngress(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),
                arguments("NET-005 ingress from anywhere", new OpenSecurityGroupIngress(), groups(
                        group("sg-shared", List.of(sgRule("tcp", 22, 22, "0.0.0.0/0")), List.of())),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "sg-shared allow inbound"))),
                arguments("NET-005 ingress from two halves of the IPv4 space", new OpenSecurityGroupIngress(), groups(
                        group("sg-split", List.of(sgRule("tcp", 22, 22, "0.0.0.0/1"), sgRule("tcp", 22, 22, "128.0.0.0/1")),
                                List.of())), DEFAULTS, List.of(expect("fn", MEDIUM, "sg-split allow inbound"))),
                arguments("NET-005 halves of the IPv4 space on different ports", new OpenSecurityGroupIngress(), groups(
                        group("sg-ports", List.of(sgRule("tcp", 22, 22, "0.0.0.0/1"), sgRule("tcp", 443, 443, "128.0.0.0/1")),
                                List.of())), DEFAULTS, List.of()),
                arguments("NET-005 ingress from the whole IPv6 space in two blocks", new OpenSecurityGroupIngress(), groups(
                        group("sg-v6", List.of(sgRule("-1", null, null, "::/1"), sgRule("-1", null, null, "8000::/1")),
                                List.of())), DEFAULTS, List.of(expect("fn", MEDIUM, "sg-v6"))),
                arguments("NET-005 ingress from the VPC", new OpenSecurityGroupIngress(), groups(
                        group("sg-fn", List.of(sgRule("tcp", 443, 443, "10.0.0.0/16")), List.of())), DEFAULTS, List.of()),
                arguments("NET-005 two open groups: one finding naming both", new OpenSecurityGroupIngress(), groups(
                        group("sg-a", List.of(sgRule("tcp", 80, 80, "0.0.0.0/0")), List.of()),
                        group("sg-b", List.of(sgRule("-1", null, null, "::/0")), List.of())),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "sg-a, sg-b"))),

                // LG-NET-006
                arguments("NET-006 healthy VPC flow log", new NoVpcFlowLog(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),
                arguments("NET-006 no flow log", new NoVpcFlowLog(), flowLogs(),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "VPC vpc-1 has no flow log"))),
                arguments("NET-006 VPC flow log failing delivery", new NoVpcFlowLog(),
                        flowLogs(flowLog("fl-1", "vpc-1", "ACTIVE", "FAILED", "ALL")),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "fl-1 on vpc-1 (ALL, ACTIVE/FAILED"))),
                arguments("NET-006 VPC flow log of REJECT traffic only", new NoVpcFlowLog(),
                        flowLogs(flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS", "REJECT")),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "only fl-1 on vpc-1 (REJECT, ACTIVE/SUCCESS, to s3"))),
                arguments("NET-006 VPC flow log of ACCEPT traffic only", new NoVpcFlowLog(),
                        flowLogs(flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS", "ACCEPT")),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "subnet(s) not covered: subnet-a, subnet-b"))),
                arguments("NET-006 ACCEPT and REJECT logs together on the VPC", new NoVpcFlowLog(), flowLogs(
                        flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS", "ACCEPT"),
                        flowLog("fl-2", "vpc-1", "ACTIVE", "SUCCESS", "REJECT")), DEFAULTS, List.of()),
                arguments("NET-006 ACCEPT on the VPC and REJECT on each subnet", new NoVpcFlowLog(), flowLogs(
                        flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS", "ACCEPT"),
                        flowLog("fl-a", "subnet-a", "ACTIVE", "SUCCESS", "REJECT"),
                        flowLog("fl-b", "subnet-b", "ACTIVE", "SUCCESS", "REJECT")), DEFAULTS, List.of()),
                arguments("NET-006 ACCEPT and REJECT, but the REJECT log is failing", new NoVpcFlowLog(), flowLogs(
                        flowLog("fl-1", "vpc-1", "ACTIVE", "SUCCESS", "ACCEPT"),
                        flowLog("fl-2", "vpc-1", "ACTIVE", "FAILED", "REJECT")),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "fl-2 on vpc-1 (REJECT, ACTIVE/FAILED"))),
                arguments("NET-006 flow logs on every subnet", new NoVpcFlowLog(), flowLogs(
                        flowLog("fl-a", "subnet-a", "ACTIVE", "SUCCESS", "ALL"),
                        flowLog("fl-b", "subnet-b", "ACTIVE", "SUCCESS", "ALL")), DEFAULTS, List.of()),
                arguments("NET-006 flow log on one subnet of two", new NoVpcFlowLog(), flowLogs(
                        flowLog("fl-a", "subnet-a", "ACTIVE", "SUCCESS", "ALL")),
                        DEFAULTS, List.of(expect("fn", MEDIUM, "VPC vpc-1"))),

                // LG-NET-007
                arguments("NET-007 endpoints for every service used", new MissingVpcEndpoint(), VpcLayout.standard().snapshot(),
                        DEFAULTS, List.of()),
                arguments("NET-007 role uses KMS, no KMS endpoint", new MissingVpcEndpoint(), rolePolicy("""
                        {"Statement":[{"Effect":"Allow","Action":["s3:GetObject","kms:Decrypt"],"Resource":"*"}]}"""),
                        DEFAULTS, List.of(expect("fn", LOW, "may use kms but VPC vpc-1 has no available endpoint for it"))),
                arguments("NET-007 gateway endpoint not on the function's route table", new MissingVpcEndpoint(),
                        VpcLayout.standard().with(l -> {
                            l.endpoints = List.of(endpoint("com.amazonaws.us-east-1.s3", "Gateway", "available", List.of("rtb-main")),
                                    endpoint("com.amazonaws.us-east-1.secretsmanager", "Interface", "available", List.of()));
                            return l;
                        }).snapshot(), DEFAULTS, List.of(expect("fn", LOW, "may use s3 but"))),
                arguments("NET-007 endpoint still pending", new MissingVpcEndpoint(), VpcLayout.standard().with(l -> {
                    l.endpoints = List.of(endpoint("com.amazonaws.us-east-1.s3", "Gateway", "available", List.of("rtb-private")),
                            endpoint("com.amazonaws.us-east-1.secretsmanager", "Interface", "pending", List.of()));
                    return l;
                }).snapshot(), DEFAULTS, List.of(expect("fn", LOW, "may use secretsmanager but"))),
                arguments("NET-007 wildcard role lists every service without an endpoint", new MissingVpcEndpoint(), rolePolicy("""
                        {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"""),
                        DEFAULTS, List.of(expect("fn", LOW, "may use dynamodb, kms, sqs, sns but"))),
                arguments("NET-007 central endpoints exempt", new MissingVpcEndpoint(), rolePolicy("""
                        {"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}"""),
                        network(false, 2, true), List.of()),
                arguments("NET-007 unreadable role policy is not judged", new MissingVpcEndpoint(), rolePolicy("not json"),
                        DEFAULTS, List.of()),
                arguments("NET-007 NotAction lets the role use every service it does not list", new MissingVpcEndpoint(), rolePolicy("""
                        {"Statement":{"Effect":"Allow","NotAction":["s3:*","secretsmanager:*","dynamodb:*","sqs:*","sns:*"],"Resource":"*"}}"""),
                        DEFAULTS, List.of(expect("fn", LOW, "may use kms but"))),
                arguments("NET-007 a Deny is not a use", new MissingVpcEndpoint(), rolePolicy("""
                        {"Statement":[{"Effect":"Deny","Action":"kms:*","Resource":"*"},{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""),
                        DEFAULTS, List.of()),
                arguments("NET-007 role with an uncollected attached policy is not judged", new MissingVpcEndpoint(),
                        VpcLayout.standard().with(l -> {
                            l.rolePolicy = """
                                    {"Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";
                            l.uncollectedPolicies = List.of("arn:aws:iam::111111111111:policy/unread");
                            return l;
                        }).snapshot(), DEFAULTS, List.of()),

                // LG-NET-008
                arguments("NET-008 no ACL data", new OpenNetworkAcl(), VpcLayout.standard().snapshot(), DEFAULTS, List.of()),
                arguments("NET-008 default allow-all ACL", new OpenNetworkAcl(), acls(defaultAcl("acl-1", "subnet-a", "subnet-b")),
                        DEFAULTS, List.of(expect("acl-1", LOW, "allows all traffic in from anywhere and out to anywhere"))),
                arguments("NET-008 deny before the allow-all", new OpenNetworkAcl(), acls(new Network.NetworkAcl("acl-1", VpcLayout.VPC,
                        false, List.of("subnet-a", "subnet-b"), List.of(
                        new Network.AclEntry(50, false, "-1", "deny", "203.0.113.0/24", null, null),
                        new Network.AclEntry(100, false, "-1", "allow", "0.0.0.0/0", null, null),
                        new Network.AclEntry(50, true, "-1", "deny", "203.0.113.0/24", null, null),
                        new Network.AclEntry(100, true, "-1", "allow", "0.0.0.0/0", null, null)))), DEFAULTS, List.of()),
                arguments("NET-008 allow-all entries for the two halves of the IPv4 space", new OpenNetworkAcl(),
                        acls(new Network.NetworkAcl("acl-1", VpcLayout.VPC, false, List.of("subnet-a"), List.of(
                                new Network.AclEntry(100, false, "-1", "allow", "0.0.0.0/1", null, null),
                                new Network.AclEntry(110, false, "-1", "allow", "128.0.0.0/1", null, null)))),
                        DEFAULTS, List.of(expect("acl-1", LOW, "in from anywhere"))),
                arguments("NET-008 open ACL on another subnet", new OpenNetworkAcl(), acls(defaultAcl("acl-9", "subnet-z")),
                        DEFAULTS, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedViolations(String name, Rule rule, Snapshot snapshot, Settings settings, List<Expect> expected) {
        RuleRun.assertReports(rule, snapshot, settings, expected);
    }

    @Test
    void reportsAnOpenAclOnceForEveryFunctionThatUsesIt() {
        Network.NetworkAcl acl = defaultAcl("acl-1", "subnet-a");
        Snapshot snapshot = Fixtures.org(o -> o.account("111111111111", a -> a.region(Fixtures.REGION, r -> r
                .network(n -> n.vpc(VpcLayout.VPC).subnet(subnet("subnet-a", "use1-az1", "rtb-main", false))
                        .routeTable("rtb-main", VpcLayout.VPC, true).acl(acl))
                .function("one", f -> f.vpc(VpcLayout.VPC, List.of("subnet-a"), List.of()))
                .function("two", f -> f.vpc(VpcLayout.VPC, List.of("subnet-a"), List.of())))));

        var violations = RuleRun.run(new OpenNetworkAcl(), snapshot, DEFAULTS);

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
        assertThat(RuleRun.run(new TooFewAvailabilityZones(), snapshot, DEFAULTS)).isEmpty();
        assertThat(RuleRun.run(new NoVpcFlowLog(), snapshot, DEFAULTS)).isEmpty();
    }

    @Test
    void aNetworkPartThatWasNotReadIsNotEvidenceOfAbsence() {
        VpcLayout noFlowLog = VpcLayout.standard().with(l -> {
            l.flowLogs = List.of();
            return l;
        });
        assertThat(RuleRun.run(new NoVpcFlowLog(), noFlowLog.snapshot(), DEFAULTS)).hasSize(1);
        noFlowLog.notCollected.add(Network.Part.FLOW_LOGS);
        assertThat(RuleRun.run(new NoVpcFlowLog(), noFlowLog.snapshot(), DEFAULTS)).isEmpty();

        VpcLayout noEndpoint = VpcLayout.standard().with(l -> {
            l.endpoints = List.of();
            return l;
        });
        assertThat(RuleRun.run(new MissingVpcEndpoint(), noEndpoint.snapshot(), DEFAULTS)).hasSize(1);
        noEndpoint.notCollected.add(Network.Part.ENDPOINTS);
        assertThat(RuleRun.run(new MissingVpcEndpoint(), noEndpoint.snapshot(), DEFAULTS)).isEmpty();
    }

    static Settings network(boolean requireVpc, int minAzs, boolean centralEndpoints) {
        return Settings.defaults().withNetwork(new Settings.NetworkSettings(requireVpc, minAzs, centralEndpoints));
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
                new Network.AclEntry(100, false, "-1", "allow", "0.0.0.0/0", null, null),
                new Network.AclEntry(32767, false, "-1", "deny", "0.0.0.0/0", null, null),
                new Network.AclEntry(100, true, "-1", "allow", "0.0.0.0/0", null, null),
                new Network.AclEntry(32767, true, "-1", "deny", "0.0.0.0/0", null, null)));
    }
}
