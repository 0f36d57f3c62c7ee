package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyKind;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ProbeResources;
import io.lambdaguardrails.rules.support.RoleAccess;
import io.lambdaguardrails.rules.support.RoleFindings;
import io.lambdaguardrails.rules.support.RolePolicies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LG-IAM-003: the execution role allows every action of a service ({@code s3:*}; services in
 * {@code iam.wildcardAllowedServices} excepted), {@code *} narrowed by resource or condition, or Allow with
 * NotAction — where the grant survives its boundary, Denies and SCPs: the evaluator is asked about an action of the
 * service that no policy names, which only a wildcard can grant. An administrator role is LG-IAM-002's.
 */
public final class ServiceWildcardGrant extends RoleAccessRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-003",
            "Execution role allows all actions of a service",
            Family.IAM, Severity.HIGH, true,
            "A service-wide wildcard such as s3:* hands the function every action of the service, present and future, "
                    + "including deletes, policy changes and data exports it never needs. Allow with NotAction is "
                    + "wider still: it grants everything not listed, including services added later.",
            "Replace the wildcard with the actions the function calls (for example s3:GetObject, s3:PutObject on "
                    + "named buckets); aws accessanalyzer start-policy-generation drafts them from CloudTrail. "
                    + "Rewrite NotAction statements as Action lists.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"),
            List.of("Security Hub FSBP IAM.21", "AWS Config IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS"));

    /** An action of no real service: only {@code *} and NotAction reach it. */
    private static final String ANY_ACTION = ProbeResources.NAME + ":AnyAction";

    public ServiceWildcardGrant() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, RoleAccess access) {
        if (AdministratorRole.administrator(access).isPresent()) {
            return Optional.empty();
        }
        Set<String> allowedServices = context.settings().iam().wildcardAllowedServices().stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return RolePolicies.of(context, scope).flatMap(policies -> {
            Set<String> wildcards = new LinkedHashSet<>();
            List<StatementRef> statements = new ArrayList<>();
            for (NamedPolicy policy : policies.policies().identity()) {
                List<Statement> all = policy.document().statements();
                for (int i = 0; i < all.size(); i++) {
                    Statement s = all.get(i);
                    List<String> effective = s.allows() ? effective(policies, s, allowedServices) : List.of();
                    if (!effective.isEmpty()) {
                        wildcards.addAll(effective);
                        statements.add(new StatementRef(PolicyKind.IDENTITY, policy.name(), i + 1, s.sid(), s.effect(),
                                !s.conditions().isEmpty()));
                    }
                }
            }
            return wildcards.isEmpty() ? Optional.empty()
                    : Optional.of(RoleFindings.violation(scope, access, " allows " + String.join(", ", wildcards), statements));
        });
    }

    /** The statement's wildcards that still grant something after the boundary, Denies and SCPs. */
    private static List<String> effective(RolePolicies policies, Statement s, Set<String> allowedServices) {
        List<String> out = new ArrayList<>();
        if (s.usesNotAction() && granted(policies, s, ANY_ACTION)) {
            out.add("Allow with NotAction");
        }
        for (String pattern : s.actions()) {
            if (Actions.isEverything(pattern) && granted(policies, s, ANY_ACTION)) {
                out.add("*");
            } else if (Actions.isServiceWide(pattern)) {
                String service = Actions.service(pattern).orElseThrow();
                if (!allowedServices.contains(service) && granted(policies, s, service + ":LgProbeAnyAction")) {
                    out.add(Details.safe(pattern));
                }
            }
        }
        return out;
    }

    private static boolean granted(RolePolicies policies, Statement s, String action) {
        return policies.resources(s, action).values().stream().anyMatch(r -> !policies.evaluate(action, r).denied());
    }
}
