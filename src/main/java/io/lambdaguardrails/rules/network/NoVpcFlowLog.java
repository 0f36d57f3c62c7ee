package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.Network.FlowLog.TrafficType;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LG-NET-006: some subnet of the function is not covered by flow logs that are ACTIVE, delivering and capture ALL
 * traffic (or ACCEPT and REJECT together), counting the logs on the VPC and on that subnet. A log of REJECT alone
 * records no connection that was made.
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
        List<String> uncovered = network.subnets().stream()
                .filter(subnet -> !complete(network.network().flowLogs().stream()
                        .filter(l -> l.resourceId().equals(vpcId) || l.resourceId().equals(subnet.id()))
                        .filter(NoVpcFlowLog::healthy).map(Network.FlowLog::trafficType).collect(Collectors.toSet())))
                .map(Network.Subnet::id).toList();
        if (uncovered.isEmpty()) {
            return Optional.empty();
        }
        List<String> seen = network.network().flowLogs().stream()
                .filter(l -> l.resourceId().equals(vpcId) || uncovered.contains(l.resourceId()))
                .map(NoVpcFlowLog::describe).toList();
        String why = seen.isEmpty() ? "has no flow log"
                : "has no active, delivering flow log capturing ALL traffic (or ACCEPT and REJECT) — only "
                + Details.list(seen, 5);
        return Optional.of(network.scope().violation("VPC " + vpcId + " " + why + "; subnet(s) not covered: "
                + String.join(", ", uncovered) + ".", List.of(vpcId)));
    }

    /** ALL, or ACCEPT and REJECT from two logs: a log of one of them alone misses half the connections. */
    static boolean complete(Set<TrafficType> trafficTypes) {
        return trafficTypes.contains(TrafficType.ALL) || trafficTypes.containsAll(Set.of(TrafficType.ACCEPT, TrafficType.REJECT));
    }

    /**
     * Only an ACTIVE status shows the log is capturing, so an UNKNOWN one does not; a delivery status other than
     * FAILED (SKIPPED, UNKNOWN, none yet) does not show that delivery fails.
     */
    private static boolean healthy(Network.FlowLog log) {
        return log.status() == Network.FlowLog.Status.ACTIVE
                && log.deliverLogsStatus() != Network.FlowLog.DeliveryStatus.FAILED;
    }

    private static String describe(Network.FlowLog log) {
        return log.id() + " on " + log.resourceId() + " (" + (log.trafficType() == null ? "traffic type unknown" : log.trafficType())
                + ", " + log.status() + "/" + log.deliverLogsStatus()
                + (log.destinationType() == null ? "" : ", to " + log.destinationType() + " " + Details.safe(log.destination()))
                + ")";
    }
}
