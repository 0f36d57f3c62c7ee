package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.Ownership;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.Principal;
import io.lambdaguardrails.policy.RestrictingKey;
import io.lambdaguardrails.policy.Restriction;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.policy.Wildcard;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LG-ACC-006: someone other than the function's own account may do more than invoke it (wildcards expanded over
 * Lambda's function actions; GetFunction counts, since it hands out the code).
 */
public final class NonInvokeGrant extends ResourcePolicyRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-006",
            "Resource policy grants another principal more than invoke",
            Family.ACCESS, Severity.HIGH, true,
            "Other accounts and services normally need only to invoke a function. Read actions such as GetFunction "
                    + "return a download link for the code and its configuration; write actions let the grantee "
                    + "change code, settings or permissions — control of the function from outside the account.",
            "Replace the statement with one for lambda:InvokeFunction only (aws lambda remove-permission, then "
                    + "aws lambda add-permission --action lambda:InvokeFunction ...); share code through a pipeline "
                    + "rather than GetFunction.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
                    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awslambda.html"),
            List.of());

    public NonInvokeGrant() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(FunctionScope scope, PolicyDocument policy, Membership membership) {
        List<String> grants = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (Statement s : policy.allowStatements()) {
            List<String> beyond = beyondInvoke(s);
            List<String> others = s.grantees().stream().filter(p -> !ownAccount(p, s, membership))
                    .map(NonInvokeGrant::label).toList();
            if (!beyond.isEmpty() && !others.isEmpty()) {
                grants.add(String.join(", ", beyond) + " to " + String.join(", ", others)
                        + " (" + Details.statement(policy, s) + ")");
                statements.add(Details.statementId(policy, s));
            }
        }
        return grants.isEmpty() ? Optional.empty()
                : Optional.of(scope.violation("grants more than invoke: " + String.join("; ", grants), statements));
    }

    /** The statement's action patterns that reach a Lambda action other than invoke, as written. */
    private static List<String> beyondInvoke(Statement statement) {
        if (statement.usesNotAction()) {
            boolean more = statement.coveredOf(Actions.LAMBDA_FUNCTION).stream().anyMatch(a -> !Actions.isInvoke(a));
            return more ? List.of("every action except " + Details.list(statement.notActions().stream().map(Details::safe).toList(), 3))
                    : List.of();
        }
        return statement.actions().stream()
                .filter(p -> Wildcard.has(p)
                        ? Actions.LAMBDA_FUNCTION.stream().anyMatch(a -> Actions.matches(p, a) && !Actions.isInvoke(a))
                        : Actions.service(p).filter("lambda"::equals).isPresent() && !Actions.isInvoke(p))
                .map(Details::safe)
                .toList();
    }

    private static boolean ownAccount(Principal principal, Statement statement, Membership membership) {
        if (principal.isPublic()) {
            return Restriction.of(statement, RestrictingKey.FOR_PUBLIC, membership).scope() == Restriction.Scope.OWN_ACCOUNT;
        }
        return principal.accountId().map(membership::account).filter(o -> o == Ownership.OWN).isPresent();
    }

    private static String label(Principal principal) {
        return principal.isPublic() ? "Principal *" : principal.accountId().orElse(Details.safe(principal.id()));
    }
}
