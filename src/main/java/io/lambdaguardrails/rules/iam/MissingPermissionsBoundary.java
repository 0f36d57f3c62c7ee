package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;

import java.util.List;
import java.util.Optional;

/** LG-IAM-005: the execution role has no permissions boundary; HIGH when {@code iam.requireBoundary} is set. */
public final class MissingPermissionsBoundary extends ExecutionRoleRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-005",
            "Execution role has no permissions boundary",
            Family.IAM, Severity.LOW, true,
            "A permissions boundary caps what a role's policies can grant. Where builders may create or edit their "
                    + "functions' roles, the boundary keeps them from granting more than the organisation allows, "
                    + "whatever the role's own policies say.",
            "Attach the organisation's boundary (aws iam put-role-permissions-boundary --role-name ROLE "
                    + "--permissions-boundary POLICY_ARN; PermissionsBoundary on AWS::IAM::Role or SAM's "
                    + "PermissionsBoundary), and require it in the builders' own policies with iam:PermissionsBoundary.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html"),
            List.of());

    public MissingPermissionsBoundary() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        if (role.role().permissionsBoundaryArn() != null) {
            return Optional.empty();
        }
        Violation v = role.violation(scope, " has no permissions boundary");
        return Optional.of(context.settings().iam().requireBoundary() ? v.withSeverity(Severity.HIGH) : v);
    }
}
