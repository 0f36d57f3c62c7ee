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
 * LG-NET-006: no flow log that is ACTIVE and delivering covers the function's traffic — neither one on its VPC nor
 * one on every subnet it uses.
 */
public final class NoVpcFlowLog extends NetworkRule {

    public static final RuleMeta META = new RuleMeta("LG-NET-006",
            "Function's VPC traffic is not captured by a healthy flow log", Family.NETWORK, Severity.MEDIUM, true,
            "VPC Flow Logs are the record of where a VPC-attached function connected to. Without an active flow log "
                    + "that delivers successfully, on the VPC or on each of the function's subnets, an investigation "
                    + "cannot tell what a compromised function talked to.",
            "Create a flow log on the VPC: aws ec2 create-flow-logs --resource-type VPC --resource-ids vpc-x "
                    + "--traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::BUCKET "
                    + "(IaC: AWS::EC2::FlowLog); if delivery fails, fix the destination's permissions.",
            List.of("https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
                    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-troubleshooting.html"),
            List.of("FSBP EC2.6", "AWS Config VPC_FLOW_LOGS_ENABLED"));

    public NoVpcFlowLog() {
        super(META, Network.Part.SUBNETS, Network.Part.FLOW_LOGS);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionNetwork network) {
        String vpcId = network.vpcId();
        List<Network.FlowLog> healthy = network.network().flowLogs().stream().filter(NoVpcFlowLog::healthy).toList();
        boolean onVpc = healthy.stream().anyMatch(l -> l.resourceId().equals(vpcId));
        boolean onEverySubnet = network.subnets().stream()
                .allMatch(s -> healthy.stream().anyMatch(l -> l.resourceId().equals(s.id())));
        if (onVpc || onEverySubnet) {
            return Optional.empty();
        }
        List<Network.FlowLog> unhealthy = network.network().flowLogs().stream()
                .filter(l -> l.resourceId().equals(vpcId)
                        || network.scope().function().vpc().subnetIds().contains(l.resourceId()))
                .filter(l -> !healthy(l))
                .toList();
        String why = unhealthy.isEmpty() ? "has no flow log"
                : "has only flow logs that are inactive or failing ("
                + String.join(", ", unhealthy.stream().map(l -> l.id() + " " + l.status() + "/" + l.deliverLogsStatus()).toList())
                + ")";
        return Optional.of(network.scope().violation("VPC " + vpcId + " " + why
                + " covering the function's subnets.", List.of(vpcId)));
    }

    private static boolean healthy(Network.FlowLog log) {
        return "ACTIVE".equalsIgnoreCase(log.status()) && !"FAILED".equalsIgnoreCase(log.deliverLogsStatus());
    }
}
