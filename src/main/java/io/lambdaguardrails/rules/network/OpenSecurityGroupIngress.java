package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/**
 * LG-NET-005: a security group of the function allows ingress from anywhere: for some protocol and port, the union of
 * the group's inbound ranges is 0.0.0.0/0 or ::/0. One finding per function.
 */
public final class OpenSecurityGroupIngress extends NetworkRule {

    public static final RuleMeta META = new RuleMeta("LG-NET-005",
            "Security group of a function allows inbound traffic from anywhere", Family.NETWORK, Severity.MEDIUM, true,
            "Lambda network interfaces accept no inbound connections, so a function never needs an inbound rule. "
                    + "An inbound rule open to 0.0.0.0/0 or ::/0 means the group is shared with something reachable "
                    + "from the internet: the function's traffic is then mixed with, and trusted like, an exposed "
                    + "resource's.",
            "Give the function a dedicated security group without inbound rules: aws ec2 create-security-group, then "
                    + "aws lambda update-function-configuration --function-name NAME --vpc-config "
                    + "SubnetIds=...,SecurityGroupIds=sg-dedicated (IaC: a separate AWS::EC2::SecurityGroup per function).",
            List.of("https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html"),
            List.of("FSBP EC2.18", "AWS Config VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS"));

    public OpenSecurityGroupIngress() {
        super(META, Network.Part.SUBNETS, Network.Part.SECURITY_GROUPS);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionNetwork network) {
        List<String> open = network.securityGroupIds(
                g -> !Cidrs.protocolsOpenToAnywhere(g.ingress()).isEmpty());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(network.scope().violation(
                "Security group(s) " + String.join(", ", open) + " allow inbound traffic from 0.0.0.0/0 or ::/0.",
                open));
    }
}
