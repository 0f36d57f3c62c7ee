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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LG-IAM-004: the execution role can raise its own privileges — rewrite IAM policies, boundaries, trust or
 * credentials anywhere, or pass/assume any role and create or change any function on {@code *}. Statements that
 * allow everything are LG-IAM-002's.
 */
public final class PrivilegeEscalation extends ExecutionRoleRule {

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

    /** Escalation wherever they apply. */
    static final List<String> ANY_RESOURCE = List.of(
            "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy",
            "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy",
            "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
            "iam:DeleteRolePolicy", "iam:DeleteUserPolicy", "iam:DeleteGroupPolicy",
            "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
            "iam:PutUserPermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
            "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:AddUserToGroup");

    /** Escalation when granted on every resource; normal when scoped to named roles or functions. */
    static final List<String> ON_EVERY_RESOURCE = List.of(
            "iam:PassRole", "sts:AssumeRole",
            "lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration");

    private static final int MAX_LISTED = 6;

    public PrivilegeEscalation() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        List<String> findings = new ArrayList<>();
        for (ExecutionRole.Labelled policy : role.policies()) {
            Set<String> grants = new LinkedHashSet<>();
            for (Statement s : policy.document().allowStatements()) {
                if (s.grantsEverything()) {
                    continue;
                }
                if (s.onAnyResource()) {
                    s.coveredOf(ON_EVERY_RESOURCE).forEach(a -> grants.add(a + " on *"));
                }
                grants.addAll(s.coveredOf(ANY_RESOURCE));
            }
            if (!grants.isEmpty()) {
                findings.add(policy.label() + " allows " + Details.list(List.copyOf(grants), MAX_LISTED));
            }
        }
        return findings.isEmpty() ? Optional.empty()
                : Optional.of(role.violation(scope, ": " + String.join("; ", findings)));
    }
}
