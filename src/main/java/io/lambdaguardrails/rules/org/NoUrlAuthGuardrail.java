package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuleMeta;

import java.util.List;

/** LG-ORG-001: no SCP stops the account from creating or switching a function URL to AuthType NONE. */
public final class NoUrlAuthGuardrail extends ScpGuardrail {

    public static final RuleMeta META = new RuleMeta(
            "LG-ORG-001",
            "No SCP prevents unauthenticated function URLs",
            Family.ORGANIZATION, Severity.MEDIUM, true,
            "Detecting public function URLs after the fact leaves a window in which they are open. A service "
                    + "control policy that denies lambda:CreateFunctionUrlConfig and lambda:UpdateFunctionUrlConfig "
                    + "when lambda:FunctionUrlAuthType is NONE stops any principal in the account from opening one.",
            "Attach an SCP to the root or the OU: {\"Effect\":\"Deny\",\"Action\":[\"lambda:CreateFunctionUrlConfig\","
                    + "\"lambda:UpdateFunctionUrlConfig\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                    + "{\"lambda:FunctionUrlAuthType\":\"NONE\"}}} (aws organizations create-policy --type "
                    + "SERVICE_CONTROL_POLICY ...; aws organizations attach-policy --policy-id ID --target-id TARGET).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"),
            List.of());

    private static final List<Call> CALLS = List.of(
            Call.of("lambda:CreateFunctionUrlConfig").with("lambda:FunctionUrlAuthType", "NONE"),
            Call.of("lambda:UpdateFunctionUrlConfig").with("lambda:FunctionUrlAuthType", "NONE"));

    public NoUrlAuthGuardrail() {
        super(META, "denies function URLs with AuthType NONE", CALLS);
    }
}
