package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.policy.Wildcard;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a function's execution role can effectively do, as AWS decides it from its identity policies, permissions
 * boundary, explicit Denies and the SCPs on its account's path (see {@link RolePolicies}): whether it is an
 * administrator, which privilege-escalation actions it has on which resources, and which data services it reaches.
 * {@code scps} says whether SCPs were applied, and if not, why.
 */
public record RoleAccess(String roleArn, List<Capability> capabilities, ScpPath.Status scps) {

    /** Probed across services and resource types: an administrator may do each of them on a resource nobody names. */
    static final List<String> ADMINISTRATOR_PROBES = List.of(
            "iam:AttachRolePolicy", "iam:CreateUser", "sts:AssumeRole", "s3:GetObject", "s3:PutBucketPolicy",
            "ec2:RunInstances", "kms:Decrypt", "secretsmanager:GetSecretValue", "dynamodb:DeleteTable",
            "lambda:UpdateFunctionCode", "cloudtrail:StopLogging", "organizations:LeaveOrganization",
            ProbeResources.NAME + ":AnyAction");

    /** Escalation wherever they apply. */
    static final List<String> ESCALATION_ANYWHERE = List.of(
            "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy",
            "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy",
            "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
            "iam:DeleteRolePolicy", "iam:DeleteUserPolicy", "iam:DeleteGroupPolicy",
            "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
            "iam:PutUserPermissionsBoundary", "iam:DeleteUserPermissionsBoundary",
            "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:AddUserToGroup");

    /** Escalation on a pattern spanning roles or functions; normal on one named role or function. */
    static final List<String> ESCALATION_ON_PATTERNS = List.of(
            "iam:PassRole", "sts:AssumeRole",
            "lambda:CreateFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration");

    static final List<String> DATA_ACTIONS = List.of(
            "s3:GetObject", "s3:PutObject", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan",
            "secretsmanager:GetSecretValue", "kms:Decrypt", "sqs:ReceiveMessage", "sqs:SendMessage", "sns:Publish",
            "ssm:GetParameter", "kinesis:GetRecords", "kinesis:PutRecord");

    public RoleAccess {
        capabilities = List.copyOf(capabilities);
    }

    /** The role's effective access; empty when IAM or one of the role's documents was not collected. */
    public static Optional<RoleAccess> of(RuleContext context, FunctionScope scope) {
        return RolePolicies.of(context, scope).map(policies -> context.memo().get(
                List.of(RoleAccess.class, policies.accountId(), policies.role().arn(), policies.region()),
                () -> compute(policies)));
    }

    static RoleAccess compute(RolePolicies policies) {
        List<Capability> capabilities = new ArrayList<>();
        administrator(policies).ifPresent(capabilities::add);
        ESCALATION_ON_PATTERNS.forEach(a -> capabilities.addAll(granted(policies, CapabilityKind.PRIVILEGE_ESCALATION, a, true)));
        ESCALATION_ANYWHERE.forEach(a -> capabilities.addAll(granted(policies, CapabilityKind.PRIVILEGE_ESCALATION, a, false)));
        DATA_ACTIONS.forEach(a -> capabilities.addAll(granted(policies, CapabilityKind.DATA_ACCESS, a, false)));
        return new RoleAccess(policies.role().arn(), capabilities, policies.scps().status());
    }

    public List<Capability> capabilities(CapabilityKind kind) {
        return capabilities.stream().filter(c -> c.kind() == kind).toList();
    }

    public Optional<Capability> administrator() {
        return capabilities(CapabilityKind.ADMINISTRATOR).stream().findFirst();
    }

    /** Every probe allowed (or allowed for some context) on a resource no policy names. */
    private static Optional<Capability> administrator(RolePolicies policies) {
        Set<String> keys = new TreeSet<>();
        Set<StatementRef> statements = new LinkedHashSet<>();
        for (String action : ADMINISTRATOR_PROBES) {
            Evaluation e = policies.evaluate(action, policies.probe(action));
            if (e.denied()) {
                return Optional.empty();
            }
            keys.addAll(e.dependsOn());
            statements.addAll(e.granting());
        }
        Decision decision = keys.isEmpty() ? Decision.ALLOWED : Decision.DEPENDS_ON_CONTEXT;
        return Optional.of(new Capability(CapabilityKind.ADMINISTRATOR, "*", "*", decision, List.copyOf(keys),
                List.copyOf(statements)));
    }

    /** The action on each resource the identity policies grant it on, where the evaluator does not refuse it. */
    private static List<Capability> granted(RolePolicies policies, CapabilityKind kind, String action, boolean patternsOnly) {
        List<Capability> out = new ArrayList<>();
        for (Map.Entry<String, String> on : policies.grantedOn(action).entrySet()) {
            String pattern = on.getKey();
            if (patternsOnly && !Wildcard.has(pattern) && !pattern.contains("${")) {
                continue;
            }
            Evaluation e = policies.evaluate(action, on.getValue());
            if (!e.denied()) {
                out.add(new Capability(kind, action, pattern, e.decision(), new TreeSet<>(e.dependsOn()).stream().toList(),
                        e.granting()));
            }
        }
        return out;
    }
}
