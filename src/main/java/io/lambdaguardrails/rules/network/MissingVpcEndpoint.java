package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.PollerPermissions;
import io.lambdaguardrails.rules.support.RolePolicies;
import io.lambdaguardrails.rules.support.UnreadRoleData;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LG-NET-007: the execution role may use a service that VPC-attached functions commonly reach (S3, DynamoDB, Secrets
 * Manager, KMS, SQS, SNS) and the function's VPC has no available endpoint for it. "May use" is the evaluator's
 * answer (boundary, explicit Denies and SCPs applied, see {@link RolePolicies#mayUse}); the actions Lambda's poller
 * calls for the function's event sources are the Lambda service's, made outside the VPC, and do not count. A gateway endpoint counts only
 * when it is associated with the route table of every subnet of the function. Not evaluated when
 * {@code network.centralEndpoints} says endpoints live in a hub VPC.
 */
public final class MissingVpcEndpoint extends NetworkRule {

    static final List<String> SERVICES = List.of("s3", "dynamodb", "secretsmanager", "kms", "sqs", "sns");

    public static final RuleMeta META = new RuleMeta("LG-NET-007",
            "VPC lacks endpoints for AWS services the function may use", Family.NETWORK, Severity.LOW, true,
            "Without a VPC endpoint, a VPC-attached function reaches AWS services through a NAT gateway and the "
                    + "public service endpoints: the traffic leaves your private network, endpoint policies cannot "
                    + "restrict which buckets, tables or keys it touches, and without a NAT the calls simply time out.",
            "Create the endpoints the function needs: aws ec2 create-vpc-endpoint --vpc-id vpc-x --service-name "
                    + "com.amazonaws.REGION.s3 --route-table-ids rtb-of-function-subnets (gateway: S3, DynamoDB) or "
                    + "--vpc-endpoint-type Interface --subnet-ids ... --private-dns-enabled (Secrets Manager, KMS, SQS, "
                    + "SNS); IaC: AWS::EC2::VPCEndpoint. Set network.centralEndpoints when endpoints are shared from a hub VPC.",
            List.of("https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html",
                    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc-internet.html"),
            List.of("AWS Config SERVICE_VPC_ENDPOINT_ENABLED"));

    public MissingVpcEndpoint() {
        super(META, Network.Part.SUBNETS, Network.Part.ROUTE_TABLES, Network.Part.ENDPOINTS, AccountInventory.Part.IAM);
    }

    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return UnreadRoleData.of(context,
                        scope -> !context.settings().network().centralEndpoints() && FunctionNetwork.of(scope).isPresent()).stream()
                .map(gap -> cannotJudge(gap.accountId(), gap.region(), gap.reason())).toList();
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionNetwork network) {
        if (context.settings().network().centralEndpoints()) {
            return Optional.empty();
        }
        Optional<RolePolicies> role = RolePolicies.of(context, network.scope());
        Optional<List<Network.RouteTable>> routeTables = network.routeTables();
        if (role.isEmpty() || routeTables.isEmpty()) {
            return Optional.empty();
        }
        LambdaFunction function = network.scope().function();
        Set<String> tableIds = routeTables.get().stream().map(Network.RouteTable::id).collect(Collectors.toSet());
        List<String> missing = SERVICES.stream()
                .filter(service -> role.get().mayUse(service, action -> PollerPermissions.forThePoller(function, action)))
                .filter(service -> network.network().endpoints().stream()
                        .noneMatch(e -> serves(e, service, network.vpcId(), tableIds)))
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(network.scope().violation("Execution role may use " + String.join(", ", missing)
                + " but VPC " + network.vpcId() + " has no available endpoint for "
                + (missing.size() == 1 ? "it" : "them") + " reachable from the function's subnets.",
                List.of(network.vpcId(), role.get().role().arn())));
    }

    /**
     * Only an available endpoint carries traffic, so one in an UNKNOWN state does not count; only a gateway endpoint
     * is reached through route tables, the others (an UNKNOWN type too) from any subnet of the VPC.
     */
    private static boolean serves(Network.VpcEndpoint endpoint, String service, String vpcId, Set<String> tableIds) {
        if (!vpcId.equals(endpoint.vpcId()) || endpoint.state() != Network.VpcEndpoint.State.AVAILABLE
                || !servesService(endpoint.serviceName(), service)) {
            return false;
        }
        return endpoint.type() != Network.VpcEndpoint.Type.GATEWAY || endpoint.routeTableIds().containsAll(tableIds);
    }

    /** {@code com.amazonaws.REGION.SERVICE}, or its FIPS variant. */
    private static boolean servesService(String serviceName, String service) {
        return serviceName != null && (serviceName.endsWith("." + service) || serviceName.endsWith("." + service + "-fips"));
    }
}
