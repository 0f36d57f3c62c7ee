package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/**
 * LG-NET-004: a security group of the function allows all traffic out to anywhere — protocol {@code -1}, or every TCP
 * and every UDP port — where "anywhere" and "every port" are the union of the group's rules, not one literal rule. One finding per function, naming each such group.
 */
public final class OpenSecurityGroupEgress extends NetworkRule {

    public static final RuleMeta META = new RuleMeta("LG-NET-004",
            "Security group allows all outbound traffic to anywhere", Family.NETWORK, Severity.LOW, true,
            "Security groups are the main control on where a VPC-attached function may send data. A group that "
                    + "allows every protocol and port to 0.0.0.0/0 or ::/0 leaves exfiltration and command-and-control "
                    + "traffic unhindered; a function usually needs a handful of destinations and ports (often 443).",
            "Replace the allow-all egress rule with the destinations the function needs: aws ec2 "
                    + "revoke-security-group-egress --group-id sg-x --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}] "
                    + "then authorize-security-group-egress for tcp/443 to a prefix list or VPC endpoint security group "
                    + "(IaC: SecurityGroupEgress on AWS::EC2::SecurityGroup).",
            List.of("https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html"),
            List.of());

    public OpenSecurityGroupEgress() {
        super(META, Network.Part.SUBNETS, Network.Part.SECURITY_GROUPS);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionNetwork network) {
        List<String> open = network.securityGroupIds(OpenSecurityGroupEgress::allowsEverythingOut);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(network.scope().violation(
                "Security group(s) " + String.join(", ", open) + " allow all traffic out to 0.0.0.0/0 or ::/0.", open));
    }

    static boolean allowsEverythingOut(Network.SecurityGroup group) {
        return Cidrs.allTraffic(group.egress());
    }
}
