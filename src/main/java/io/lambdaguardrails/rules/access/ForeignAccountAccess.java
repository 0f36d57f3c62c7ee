package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Arns;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.Ownership;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.FunctionGrants;
import io.lambdaguardrails.rules.support.FunctionInvokers;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.QualifiedFunction;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * LG-ACC-004: the resource policy of the function (or of an alias or version) admits an account or organisation
 * outside ours — named as a principal in any form, as what a Principal {@code *} statement is narrowed to, or as the
 * source a service acts for — to invoke it or to do more. Where the organisation is unknown nothing is known to be
 * foreign: a grant to another account or organisation is then not judged, and said so.
 */
public final class ForeignAccountAccess extends QualifierRule {

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
        super(META, LambdaFunction.Part.RESOURCE_POLICY, LambdaFunction.Part.URL);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                        Membership membership) {
        Map<String, Set<String>> statementsByGrantee = grantees(context, target, membership, Ownership.FOREIGN);
        if (statementsByGrantee.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = statementsByGrantee.entrySet().stream()
                .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
        return Optional.of(target.violation(scope, "grants outside the organisation: " + String.join("; ", parts),
                List.copyOf(statementsByGrantee.keySet())));
    }

    @Override
    protected Stream<String> unplaced(RuleContext context, QualifiedFunction target, Membership membership) {
        return grantees(context, target, membership, Ownership.UNKNOWN).keySet().stream()
                .map(id -> Details.quote(target.name()) + " grants " + id);
    }

    /** The accounts and organisations of other owners the target lets in whose ownership is {@code placed}, with the granting statements. */
    private static Map<String, Set<String>> grantees(RuleContext context, QualifiedFunction target, Membership membership,
                                                     Ownership placed) {
        Map<String, Set<String>> statementsByGrantee = new LinkedHashMap<>();
        FunctionInvokers.of(context, target, membership).stream().filter(i -> i.kind() == InvokerKind.FOREIGN_ACCOUNT)
                .forEach(i -> add(statementsByGrantee, i.principal(), i.statements(), membership, placed));
        FunctionGrants.beyondInvoke(context, target, membership).stream().filter(g -> g.kind() == InvokerKind.FOREIGN_ACCOUNT)
                .forEach(g -> add(statementsByGrantee, g.principal(), g.statements(), membership, placed));
        return statementsByGrantee;
    }

    /** Records a grantee by its account or organisation id (safe to print) when its ownership is {@code placed}. */
    private static void add(Map<String, Set<String>> byGrantee, String principal, List<StatementRef> statements,
                            Membership membership, Ownership placed) {
        String id = principal.startsWith("arn:") ? Arns.account(principal) : principal;
        Ownership ownership = id.startsWith("o-") ? membership.organization(id) : membership.account(id);
        if (ownership == placed) {
            Set<String> described = byGrantee.computeIfAbsent(id, k -> new LinkedHashSet<>());
            statements.forEach(s -> described.add(Details.statement(s)));
        }
    }
}
