package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** LG-NET-002: a VPC-attached function's subnets span fewer than {@code network.minAzs} Availability Zones. */
public final class TooFewAvailabilityZones extends NetworkRule {

    public static final RuleMeta META = new RuleMeta("LG-NET-002",
            "VPC-attached function spans too few Availability Zones", Family.NETWORK, Severity.MEDIUM, true,
            "Lambda places the function's network interfaces only in the subnets you give it. When they all sit in "
                    + "one Availability Zone, an outage of that zone stops every invocation that needs the VPC. "
                    + "Zones are counted by zone id, which names the same physical zone in every account.",
            "Add subnets from other Availability Zones: aws lambda update-function-configuration --function-name NAME "
                    + "--vpc-config SubnetIds=subnet-az1,subnet-az2,SecurityGroupIds=sg-x "
                    + "(IaC: list one subnet per zone in VpcConfig.SubnetIds).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
                    "https://docs.aws.amazon.com/lambda/latest/operatorguide/networking-vpc.html"),
            List.of("FSBP Lambda.5", "AWS Config LAMBDA_VPC_MULTI_AZ_CHECK"));

    public TooFewAvailabilityZones() {
        super(META, Network.Part.SUBNETS);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionNetwork network) {
        int minAzs = context.settings().network().minAzs();
        List<String> zoneIds = network.subnets().stream().map(Network.Subnet::availabilityZoneId).toList();
        if (zoneIds.contains(null)) {
            return Optional.empty();
        }
        var zones = new TreeSet<>(zoneIds);
        if (zones.size() >= minAzs) {
            return Optional.empty();
        }
        List<String> subnetIds = network.scope().function().vpc().subnetIds();
        return Optional.of(network.scope().violation("Subnets " + String.join(", ", subnetIds) + " span "
                + zones.size() + " Availability Zone(s) (" + String.join(", ", zones) + "); at least " + minAzs
                + " expected (network.minAzs).", subnetIds));
    }
}
