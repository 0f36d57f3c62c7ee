package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.policy.Arns;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.Ownership;
import io.lambdaguardrails.policy.Principal;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.RoleTrust;
import io.lambdaguardrails.rules.support.StatementLabels;
import io.lambdaguardrails.rules.support.Truster;
import io.lambdaguardrails.rules.support.UnreadRoleData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LG-IAM-007: the execution role's trust policy lets someone besides Lambda assume it, as the access evaluator
 * decides it ({@link RoleTrust}). HIGH when that someone is outside the organisation or cannot be placed — anyone,
 * a foreign account, or an identity provider (GitHub's {@code token.actions.githubusercontent.com} vouches for
 * identities outside AWS, whichever account registered it); MEDIUM when every extra party is ours or an AWS service.
 * A role missing from IAM or a trust policy that does not parse is not judged, and said so.
 */
public final class ExtraTrustedPrincipal extends FunctionRule {

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

    /** A principal's unique id (AROA…, AIDA…), left in a trust policy when the role or user it named was deleted. */
    private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z]{3}[A-Z0-9]{12,}");

    public ExtraTrustedPrincipal() {
        super(META, AccountInventory.Part.IAM);
    }

    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return UnreadRoleData.forEveryRole(context, role -> context.policy(role.trustPolicy()).isPresent() ? List.of()
                        : List.of(role.trustPolicy() == null ? "trust policy" : "trust policy (does not parse)")).stream()
                .map(gap -> cannotJudge(gap.accountId(), gap.region(), gap.reason())).toList();
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        Membership membership = context.org().membership(scope.account().accountId());
        return RoleTrust.of(context, scope).flatMap(trusters -> ExecutionRole.of(scope).flatMap(role -> {
            Map<String, Boolean> extra = new LinkedHashMap<>();
            List<StatementRef> statements = new ArrayList<>();
            for (Truster t : trusters) {
                extra.merge(label(t, membership), t.outside(), Boolean::logicalOr);
                statements.addAll(t.statements());
            }
            deleted(context, role.role().trustPolicy()).forEach(id -> extra.putIfAbsent("a deleted principal " + Details.quote(id), false));
            if (extra.isEmpty()) {
                return Optional.empty();
            }
            List<String> granting = statements.stream().map(StatementLabels::statement).distinct().toList();
            Violation v = role.violation(scope, " can also be assumed by " + String.join(", ", extra.keySet())
                    + (granting.isEmpty() ? "" : "; granted by trust policy " + String.join(", ", granting)));
            return Optional.of(extra.containsValue(true) ? v : v.withSeverity(Severity.MEDIUM));
        }));
    }

    private static String label(Truster t, Membership membership) {
        String who = t.kind() == InvokerKind.ANY_ACCOUNT ? "Principal *" : Details.safe(t.principal());
        String where = t.identityProvider() ? " (external identity provider)"
                : t.kind() == InvokerKind.ORGANIZATION && t.principal().startsWith("o-") ? " (the organisation)"
                : t.kind() == InvokerKind.FOREIGN_ACCOUNT
                        ? (membership.account(accountOf(t.principal())) == Ownership.UNKNOWN ? " (organisation unknown)" : " (outside the organisation)")
                : "";
        String depends = t.dependsOn().isEmpty() ? ""
                : " (depends on " + String.join(", ", t.dependsOn().stream().map(Details::safe).toList()) + ")";
        return who + where + depends;
    }

    private static String accountOf(String principal) {
        String account = Arns.account(principal);
        return account.isEmpty() ? principal : account;
    }

    /** Unique ids of deleted principals an Allow of the trust policy still names: nobody can become them again. */
    private static List<String> deleted(RuleContext context, String trustPolicy) {
        return context.policy(trustPolicy).stream()
                .flatMap(d -> d.statements().stream()).filter(s -> s.allows())
                .flatMap(s -> s.principals().stream())
                .filter(p -> p.kind() == Principal.Kind.AWS && UNIQUE_ID.matcher(p.id()).matches())
                .map(Principal::id).distinct().toList();
    }
}
