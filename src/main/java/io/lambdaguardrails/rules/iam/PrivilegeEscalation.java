package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.Capability;
import io.lambdaguardrails.rules.support.CapabilityKind;
import io.lambdaguardrails.rules.support.RoleAccess;
import io.lambdaguardrails.rules.support.RoleFindings;

import java.util.List;
import java.util.Optional;

/**
 * LG-IAM-004: the execution role can raise its own privileges — rewrite IAM policies, boundaries, trust or
 * credentials, or pass or assume roles and create or change functions on a pattern spanning many of them — after
 * its boundary, Denies and SCPs ({@link RoleAccess}). An administrator role is LG-IAM-002's.
 */
public final class PrivilegeEscalation extends RoleAccessRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-004",
            "Execution role allows privilege escalation",
            Family.IAM, Severity.HIGH, true,
            "Some permissions are keys to all the others: whoever can edit IAM policies, boundaries or trust, mint "
                    + "credentials, pass any role to new compute or take over any function's code can give "
                    + "themselves administrator rights. In an execution role they turn a code flaw into account "
                    + "takeover.",
            "Remove the IAM write actions; scope iam:PassRole to the role ARNs the function must pass (with an "
                    + "iam:PassedToService condition), sts:AssumeRole to named roles and lambda:CreateFunction/"
                    + "UpdateFunction* to named functions (aws iam put-role-policy --role-name ROLE ...).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
            List.of());

    private static final int MAX_LISTED = 6;

    public PrivilegeEscalation() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, RoleAccess access) {
        List<Capability> escalation = access.capabilities(CapabilityKind.PRIVILEGE_ESCALATION);
        if (escalation.isEmpty() || AdministratorRole.administrator(access).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(RoleFindings.violation(scope, access, " can raise its privileges: "
                        + Details.list(escalation.stream().map(Capability::describe).toList(), MAX_LISTED),
                escalation.stream().flatMap(c -> c.statements().stream()).toList()));
    }
}
