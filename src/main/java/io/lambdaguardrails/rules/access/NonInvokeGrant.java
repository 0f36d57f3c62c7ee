package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.FunctionGrants;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.QualifiedFunction;
import java.util.List;
import java.util.Optional;

/**
 * LG-ACC-006: someone other than the function's own account may do more than invoke the function (or an alias or
 * version): Lambda's function actions other than invoke, asked of the evaluator one by one (GetFunction counts,
 * since it hands out the code).
 */
public final class NonInvokeGrant extends QualifierRule {

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
        super(META, LambdaFunction.Part.RESOURCE_POLICY);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                        Membership membership) {
        List<FunctionGrants.Grant> grants = FunctionGrants.beyondInvoke(context, target, membership).stream()
                .filter(g -> g.kind() != InvokerKind.OWN_ACCOUNT).toList();
        if (grants.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = grants.stream().map(g -> Details.list(g.actions(), 3) + " to "
                + Invokers.label(g.kind(), g.principal()) + " (" + Details.statements(g.statements()) + ")"
                + (g.dependsOn().isEmpty() ? "" : ", depending on " + String.join(", ", g.dependsOn()))).distinct().toList();
        return Optional.of(target.violation(scope, "grants more than invoke: " + String.join("; ", described),
                grants.stream().flatMap(g -> g.statements().stream()).map(Details::statementId).distinct().toList()));
    }
}
