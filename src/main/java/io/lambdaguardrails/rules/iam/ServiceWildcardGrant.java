package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Actions;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * LG-IAM-003: the execution role allows every action of a service ({@code s3:*}; services in
 * {@code iam.wildcardAllowedServices} excepted) or uses Allow with NotAction. A bare {@code *} counts when the
 * statement is narrowed by resource or condition; unnarrowed it is LG-IAM-002's.
 */
public final class ServiceWildcardGrant extends ExecutionRoleRule {

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

    public ServiceWildcardGrant() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        Set<String> allowedServices = context.settings().iam().wildcardAllowedServices().stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> findings = new ArrayList<>();
        for (ExecutionRole.Labelled policy : role.policies()) {
            Set<String> wildcards = new LinkedHashSet<>();
            for (Statement s : policy.document().allowStatements()) {
                if (s.grantsEverything()) {
                    continue;
                }
                if (s.usesNotAction()) {
                    wildcards.add("Allow with NotAction");
                }
                s.actions().stream()
                        .filter(a -> Actions.isEverything(a) || (Actions.isServiceWide(a)
                                && !allowedServices.contains(Actions.service(a).orElseThrow())))
                        .map(Details::safe)
                        .forEach(wildcards::add);
            }
            if (!wildcards.isEmpty()) {
                findings.add(policy.label() + " allows " + String.join(", ", wildcards));
            }
        }
        return findings.isEmpty() ? Optional.empty()
                : Optional.of(role.violation(scope, ": " + String.join("; ", findings)));
    }
}
