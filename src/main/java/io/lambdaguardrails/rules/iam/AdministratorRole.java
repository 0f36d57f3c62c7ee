package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LG-IAM-002: the execution role is an administrator — AdministratorAccess attached (matched by ARN, so it counts
 * even when the managed document was not fetched) or a policy allowing {@code *} on {@code *} without conditions.
 */
public final class AdministratorRole extends ExecutionRoleRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-002",
            "Execution role has administrator access",
            Family.IAM, Severity.CRITICAL, true,
            "Code running with administrator credentials can do anything in the account: read every secret, create "
                    + "users, change or delete any resource. A bug, a vulnerable dependency or a malicious event then "
                    + "compromises the whole account, not just the function.",
            "Detach AdministratorAccess (aws iam detach-role-policy --role-name ROLE --policy-arn "
                    + "arn:aws:iam::aws:policy/AdministratorAccess) and grant the actions and resources the function "
                    + "uses; IAM Access Analyzer can generate a policy from its CloudTrail activity.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html"),
            List.of("Security Hub FSBP IAM.1", "AWS Config IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"));

    private static final Pattern ADMINISTRATOR_ACCESS = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess");

    public AdministratorRole() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        List<String> reasons = new ArrayList<>();
        List<String> related = new ArrayList<>(List.of(role.role().arn()));
        role.role().attachedPolicyArns().stream().filter(AdministratorRole::administratorAccess).forEach(arn -> {
            reasons.add("AdministratorAccess attached");
            related.add(arn);
        });
        for (ExecutionRole.Labelled policy : role.policies()) {
            if (administratorAccess(policy.arn())) {
                continue; // already reported by its ARN
            }
            policy.document().statements().stream().filter(Statement::grantsEverything).findFirst()
                    .ifPresent(s -> reasons.add(policy.label() + " allows * on * ("
                            + Details.statement(policy.document(), s) + ")"));
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of(scope.violation(role.label() + ": " + String.join("; ", reasons), related));
    }

    private static boolean administratorAccess(String policyArn) {
        return ADMINISTRATOR_ACCESS.matcher(policyArn).matches();
    }
}
