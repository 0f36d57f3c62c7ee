package io.lambdaguardrails.rules.org;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuleMeta;

import java.util.List;

/**
 * LG-ORG-003: no SCP stops functions from being created without a code-signing configuration. A Deny that tests
 * {@code lambda:CodeSigningConfigArn} with a negated operator (which also rejects untrusted configs) or with
 * {@code Null} counts.
 */
public final class NoCodeSigningGuardrail extends ScpGuardrail {

    public static final RuleMeta META = new RuleMeta(
            "LG-ORG-003",
            "No SCP requires code signing for new functions",
            Family.ORGANIZATION, Severity.LOW, true,
            "Code signing only protects functions that have a signing configuration. An SCP that denies "
                    + "lambda:CreateFunction unless lambda:CodeSigningConfigArn names an approved configuration makes "
                    + "signed deployment the only way to create a function.",
            "Attach an SCP: {\"Effect\":\"Deny\",\"Action\":\"lambda:CreateFunction\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringNotEquals\":{\"lambda:CodeSigningConfigArn\":\"arn:aws:lambda:REGION:"
                    + "ACCOUNT:code-signing-config:csc-ID\"}}} (aws organizations attach-policy --policy-id ID "
                    + "--target-id TARGET).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"),
            List.of());

    private static final List<Call> CALLS = List.of(
            Call.of("lambda:CreateFunction").without("lambda:CodeSigningConfigArn"));

    public NoCodeSigningGuardrail() {
        super(META, "denies functions without code signing", CALLS);
    }
}
