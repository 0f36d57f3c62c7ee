package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.Ownership;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.Principal;
import io.lambdaguardrails.policy.RestrictingKey;
import io.lambdaguardrails.policy.Restriction;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * LG-IAM-007: the execution role's trust policy lets someone besides Lambda assume it. HIGH when that someone is
 * outside the organisation (or cannot be placed), MEDIUM when every extra principal is ours or an AWS service.
 */
public final class ExtraTrustedPrincipal extends ExecutionRoleRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-007",
            "Execution role trusts a principal other than Lambda",
            Family.IAM, Severity.HIGH, true,
            "An execution role should be assumable by the Lambda service only. Every other principal in its trust "
                    + "policy — a person's role, another account, an identity provider, another service — can obtain "
                    + "the function's credentials directly, without going through the function or its controls.",
            "Reduce the trust policy to lambda.amazonaws.com (aws iam update-assume-role-policy --role-name ROLE "
                    + "--policy-document file://lambda-trust.json; AssumeRolePolicyDocument on AWS::IAM::Role) and "
                    + "give the other principals roles of their own.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html"),
            List.of());

    static final List<String> ASSUME = List.of("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML");
    private static final Set<String> LAMBDA = Set.of("lambda.amazonaws.com", "edgelambda.amazonaws.com");

    public ExtraTrustedPrincipal() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, ExecutionRole role) {
        Membership membership = context.org().membership(scope.account().accountId());
        return PolicyDocument.tryParse(role.role().trustPolicy()).flatMap(trust -> {
            List<Trusted> extra = new ArrayList<>();
            for (Statement s : trust.allowStatements()) {
                if (s.coveredOf(ASSUME).isEmpty()) {
                    continue;
                }
                s.grantees().stream()
                        .filter(p -> !(p.isService() && LAMBDA.contains(p.id().toLowerCase(Locale.ROOT))))
                        .map(p -> assess(p, s, membership))
                        .forEach(extra::add);
            }
            if (extra.isEmpty()) {
                return Optional.empty();
            }
            Violation v = role.violation(scope, " can also be assumed by "
                    + String.join(", ", extra.stream().map(Trusted::label).toList()));
            return Optional.of(extra.stream().anyMatch(Trusted::outside) ? v : v.withSeverity(Severity.MEDIUM));
        });
    }

    /** How a finding names an extra principal, and whether it lies outside the organisation. */
    private record Trusted(String label, boolean outside) {
    }

    private static Trusted assess(Principal principal, Statement statement, Membership membership) {
        if (principal.isPublic()) {
            return Restriction.of(statement, RestrictingKey.FOR_PUBLIC, membership).ours()
                    ? new Trusted("Principal * limited to the organisation", false)
                    : new Trusted("Principal *", true);
        }
        if (principal.isService()) {
            return new Trusted(Details.safe(principal.id()), false);
        }
        Optional<String> account = principal.accountId();
        if (account.isPresent()) {
            Ownership ownership = membership.account(account.get());
            String label = Details.safe(principal.id());
            return switch (ownership) {
                case OWN, OURS -> new Trusted(label, false);
                case FOREIGN -> new Trusted(label + " (outside the organisation)", true);
                case UNKNOWN -> new Trusted(label + " (organisation unknown)", true);
            };
        }
        if (principal.kind() == Principal.Kind.AWS) {
            // A unique id (AROA…) left by a deleted role: nobody can become it again.
            return new Trusted("a deleted principal " + Details.quote(principal.id()), false);
        }
        return new Trusted(Details.safe(principal.id()) + " (external identity provider)", true);
    }
}
