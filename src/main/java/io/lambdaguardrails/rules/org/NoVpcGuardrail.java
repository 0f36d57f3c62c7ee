package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;

import java.util.List;

/**
 * LG-ORG-002: no SCP stops functions from being created or reconfigured without VPC attachment. Evaluated only when
 * {@code network.requireVpc} is set.
 */
public final class NoVpcGuardrail extends ScpGuardrail {

    public static final RuleMeta META = new RuleMeta(
            "LG-ORG-002",
            "No SCP requires functions to attach to a VPC",
            Family.ORGANIZATION, Severity.LOW, true,
            "Where every function must send its traffic through the organisation's VPCs, the lambda:VpcIds, "
                    + "lambda:SubnetIds and lambda:SecurityGroupIds condition keys let an SCP refuse any "
                    + "CreateFunction or UpdateFunctionConfiguration that leaves the VPC out, instead of finding such "
                    + "functions later.",
            "Attach an SCP: {\"Effect\":\"Deny\",\"Action\":[\"lambda:CreateFunction\","
                    + "\"lambda:UpdateFunctionConfiguration\"],\"Resource\":\"*\",\"Condition\":{\"Null\":"
                    + "{\"lambda:VpcIds\":\"true\"}}} (aws organizations attach-policy --policy-id ID --target-id TARGET); "
                    + "add ForAllValues:StringEquals on lambda:SubnetIds/SecurityGroupIds to pin approved networks.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#vpc-conditions",
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"),
            List.of());

    private static final String[] VPC_KEYS = {"lambda:VpcIds", "lambda:SubnetIds", "lambda:SecurityGroupIds"};
    private static final List<Call> CALLS = List.of(
            Call.of("lambda:CreateFunction").without(VPC_KEYS),
            Call.of("lambda:UpdateFunctionConfiguration").without(VPC_KEYS));

    public NoVpcGuardrail() {
        super(META, "denies functions without VPC attachment", CALLS);
    }

    @Override
    protected boolean expected(RuleContext context) {
        return context.settings().network().requireVpc();
    }
}
