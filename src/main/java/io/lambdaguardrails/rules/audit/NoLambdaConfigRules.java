package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.rules.support.AccountResource;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRule;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Set;

/** LG-AUD-005: none of the Lambda managed Config rules is deployed in a region with functions. */
public final class NoLambdaConfigRules extends Rule {

    static final Set<String> LAMBDA_MANAGED_RULES = Set.of("LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED",
            "LAMBDA_INSIDE_VPC", "LAMBDA_FUNCTION_SETTINGS_CHECK", "LAMBDA_CONCURRENCY_CHECK", "LAMBDA_DLQ_CHECK",
            "LAMBDA_VPC_MULTI_AZ_CHECK");

    public static final RuleMeta META = new RuleMeta("LG-AUD-005", "No Lambda managed Config rule is deployed",
            Family.AUDIT, Severity.LOW, true,
            "AWS Config managed rules for Lambda evaluate every configuration change as it happens, between "
                    + "scheduled scans: a function made public or detached from its VPC at noon is flagged at noon. "
                    + "A region with functions but none of these rules relies on periodic scans alone.",
            "Deploy the Lambda managed rules that match your policies: aws configservice put-config-rule "
                    + "--config-rule '{\"ConfigRuleName\":\"lambda-function-public-access-prohibited\",\"Source\":"
                    + "{\"Owner\":\"AWS\",\"SourceIdentifier\":\"LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED\"}}' "
                    + "(or a conformance pack across the organisation).",
            List.of("https://docs.aws.amazon.com/config/latest/developerguide/managed-rules-by-aws-config.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/governance-config.html"),
            List.of("AWS Config LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED", "AWS Config LAMBDA_INSIDE_VPC",
                    "AWS Config LAMBDA_FUNCTION_SETTINGS_CHECK", "AWS Config LAMBDA_CONCURRENCY_CHECK",
                    "AWS Config LAMBDA_DLQ_CHECK", "AWS Config LAMBDA_VPC_MULTI_AZ_CHECK"));

    public NoLambdaConfigRules() {
        super(META, AuditPosture.Part.CONFIG_RULES);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        return RegionsWithFunctions.of(context)
                .filter(r -> r.region().audit().collected(AuditPosture.Part.CONFIG_RULES))
                .filter(r -> r.region().audit().configRules().stream().noneMatch(NoLambdaConfigRules::lambdaRule))
                .map(r -> AccountResource.inRegion(r,
                        "None of the Lambda managed Config rules (" + String.join(", ", LAMBDA_MANAGED_RULES.stream().sorted().toList())
                                + ") is deployed in the region."))
                .toList();
    }

    /** A rule being deleted no longer evaluates; one in a state this version does not know (UNKNOWN) still exists. */
    private static boolean lambdaRule(ConfigRule rule) {
        return rule.sourceIdentifier() != null && LAMBDA_MANAGED_RULES.contains(rule.sourceIdentifier())
                && rule.state() != ConfigRule.State.DELETING && rule.state() != ConfigRule.State.DELETING_RESULTS;
    }
}
