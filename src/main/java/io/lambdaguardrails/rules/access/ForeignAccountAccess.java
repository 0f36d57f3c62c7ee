package io.lambdaguardrails.rules.access;

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
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LG-ACC-004: the resource policy admits an account or organisation outside ours — named as a principal in any
 * form, as the only thing a Principal {@code *} statement is narrowed to, or as the source of a service principal.
 * Not evaluated when the organisation is unknown (nothing is then foreign).
 */
public final class ForeignAccountAccess extends ResourcePolicyRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-004",
            "Resource policy grants an account outside the organisation",
            Family.ACCESS, Severity.HIGH, true,
            "Each account outside the organisation that a function's policy admits is a party whose people, "
                    + "credentials and security practices the organisation does not govern. Cross-organisation "
                    + "access should be rare, deliberate and reviewed.",
            "Remove the permission (aws lambda remove-permission --function-name FN --statement-id SID) or, if "
                    + "the partner is intended, record it as a waiver with an owner and an expiry.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid"),
            List.of());

    public ForeignAccountAccess() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(FunctionScope scope, PolicyDocument policy, Membership membership) {
        Map<String, List<String>> statementsByGrantee = new LinkedHashMap<>();
        for (Statement s : policy.allowStatements()) {
            foreignGrantees(s, membership).forEach(id ->
                    statementsByGrantee.computeIfAbsent(id, k -> new ArrayList<>()).add(Details.statement(policy, s)));
        }
        if (statementsByGrantee.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = statementsByGrantee.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
        return Optional.of(scope.violation("grants outside the organisation: " + String.join("; ", parts),
                List.copyOf(statementsByGrantee.keySet())));
    }

    /** Foreign account and organisation ids a statement admits; ids only, so safe to print. */
    private static Set<String> foreignGrantees(Statement statement, Membership membership) {
        Set<String> foreign = new LinkedHashSet<>();
        for (Principal principal : statement.grantees()) {
            switch (principal.kind()) {
                case PUBLIC -> foreign.addAll(foreignOf(Restriction.of(statement, RestrictingKey.FOR_PUBLIC, membership)));
                case SERVICE -> foreign.addAll(foreignOf(Restriction.of(statement, RestrictingKey.FOR_SERVICE, membership)));
                default -> principal.accountId()
                        .filter(id -> membership.account(id) == Ownership.FOREIGN)
                        .ifPresent(foreign::add);
            }
        }
        return foreign;
    }

    private static List<String> foreignOf(Restriction restriction) {
        return restriction.scope() == Restriction.Scope.FOREIGN ? restriction.foreign() : List.of();
    }
}
