package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * LG-NET-008: a network ACL of a function's subnet lets all traffic in from anywhere or out to anywhere — an
 * allow-all entry for 0.0.0.0/0 or ::/0 that no lower-numbered deny entry narrows. Reported once per ACL.
 */
public final class OpenNetworkAcl extends Rule {

    public static final RuleMeta META = new RuleMeta("LG-NET-008",
            "Network ACL of a function's subnet allows all traffic from or to anywhere", Family.NETWORK, Severity.LOW,
            false,
            "Network ACLs are the subnet-level backstop behind security groups: they can block known-bad ranges or "
                    + "ports for every resource in the subnet. An ACL that allows everything in both directions "
                    + "(the default ACL) adds no defence. Off by default because most VPCs keep the default ACL and "
                    + "rely on security groups.",
            "Add explicit deny entries for ranges and ports the functions never need, below the allow-all rule: "
                    + "aws ec2 create-network-acl-entry --network-acl-id acl-x --rule-number 50 --egress --protocol -1 "
                    + "--rule-action deny --cidr-block 203.0.113.0/24 (IaC: AWS::EC2::NetworkAclEntry).",
            List.of("https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
                    "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html"),
            List.of());

    public OpenNetworkAcl() {
        super(META, Network.Part.SUBNETS, Network.Part.NETWORK_ACLS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        Map<String, Exposure> byAcl = new LinkedHashMap<>();
        FunctionNetwork.all(context.functions()).forEach(n -> n.network().networkAcls().stream()
                .filter(acl -> n.subnets().stream().anyMatch(s -> acl.subnetIds().contains(s.id())))
                .filter(acl -> !openDirections(acl).isEmpty())
                .forEach(acl -> byAcl.computeIfAbsent(n.scope().account().accountId() + "|" + n.scope().region().region()
                                + "|" + acl.id(), k -> new Exposure(n, acl, new TreeSet<>()))
                        .functions().add(n.scope().function().arn())));
        return byAcl.values().stream().map(OpenNetworkAcl::violation).toList();
    }

    private record Exposure(FunctionNetwork first, Network.NetworkAcl acl, TreeSet<String> functions) {
    }

    private static Violation violation(Exposure e) {
        var scope = e.first().scope();
        String arn = "arn:aws:ec2:" + scope.region().region() + ":" + scope.account().accountId() + ":network-acl/"
                + e.acl().id();
        String detail = "Network ACL " + e.acl().id() + (e.acl().isDefault() ? " (the VPC's default ACL)" : "")
                + " allows all traffic " + String.join(" and ", openDirections(e.acl())) + "; used by "
                + e.functions().size() + " function(s).";
        return new RuleContext.RegionScope(scope.account(), scope.region())
                .violation("AWS::EC2::NetworkAcl", arn, e.acl().id(), detail, List.copyOf(e.functions()));
    }

    static List<String> openDirections(Network.NetworkAcl acl) {
        List<String> open = new ArrayList<>();
        if (allowsAll(acl, false)) {
            open.add("in from anywhere");
        }
        if (allowsAll(acl, true)) {
            open.add("out to anywhere");
        }
        return open;
    }

    /**
     * Entries are evaluated lowest number first: the all-protocol allow entries before the first deny count, and
     * together they must cover anywhere. An entry whose action is UNKNOWN may be a deny, so it ends the count too.
     */
    private static boolean allowsAll(Network.NetworkAcl acl, boolean egress) {
        List<String> allowed = new ArrayList<>();
        for (Network.AclEntry entry : acl.entries().stream().filter(e -> e.egress() == egress)
                .sorted(Comparator.comparingInt(Network.AclEntry::ruleNumber)).toList()) {
            if (entry.action() != Network.AclEntry.Action.ALLOW) {
                return false;
            }
            if (Cidrs.allProtocols(entry.protocol())) {
                allowed.add(entry.cidr());
                if (Cidrs.anywhere(allowed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
