package io.lambdaguardrails.rules.network;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** LG-NET-001: the function is not attached to a VPC; HIGH when {@code network.requireVpc}, else advisory. */
public final class FunctionNotInVpc extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-NET-001", "Function is not attached to a VPC",
            Family.NETWORK, Severity.LOW, true,
            "A function outside your VPCs sends its traffic from the Lambda service network straight to the internet "
                    + "and AWS endpoints, so security groups, network ACLs, flow logs and egress filtering cannot "
                    + "see or limit it. Attaching it to private subnets puts its outbound traffic under your controls. "
                    + "Advisory by default; set network.requireVpc when every function must be attached.",
            "Attach the function to private subnets in two or more Availability Zones with a dedicated security "
                    + "group: aws lambda update-function-configuration --function-name NAME --vpc-config "
                    + "SubnetIds=subnet-a,subnet-b,SecurityGroupIds=sg-x (IaC: VpcConfig on AWS::Lambda::Function). "
                    + "Enforce it with an SCP on the lambda:VpcIds / lambda:SubnetIds condition keys.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#vpc-conditions"),
            List.of("FSBP Lambda.3", "AWS Config LAMBDA_INSIDE_VPC"));

    public FunctionNotInVpc() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        if (scope.function().vpcAttached()) {
            return Optional.empty();
        }
        boolean required = context.settings().network().requireVpc();
        Violation v = scope.violation(required
                ? "Not attached to a VPC, which this organisation requires (network.requireVpc)."
                : "Not attached to a VPC: its outbound traffic bypasses VPC controls.");
        return Optional.of(required ? v.withSeverity(Severity.HIGH) : v);
    }
}
