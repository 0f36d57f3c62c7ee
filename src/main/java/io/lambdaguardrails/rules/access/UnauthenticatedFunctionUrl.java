package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.FunctionInvokers;
import io.lambdaguardrails.rules.support.Invoker;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.QualifiedFunction;
import java.util.List;
import java.util.Optional;

/**
 * LG-ACC-002: the URL of the function (or of an alias or version) takes unauthenticated calls; CRITICAL when the
 * resource policy lets anyone use it — grants anyone both actions a URL call needs (see {@link FunctionInvokers}).
 */
public final class UnauthenticatedFunctionUrl extends QualifierRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-002",
            "Function URL does not require authentication",
            Family.ACCESS, Severity.HIGH, true,
            "A function URL with AuthType NONE skips IAM authentication: whoever the resource policy admits can call "
                    + "the HTTPS endpoint without signing. When the policy lets anyone (Principal *) call it — "
                    + "lambda:InvokeFunctionUrl and lambda:InvokeFunction both, as AWS requires for function URLs "
                    + "since October 2025 — the function is open to the whole internet, and any authentication is left "
                    + "to the code (CRITICAL); granting only one of the two leaves the URL refusing anonymous calls.",
            "Switch the URL to IAM authentication (aws lambda update-function-url-config --function-name FN "
                    + "--auth-type AWS_IAM; AuthType: AWS_IAM on AWS::Lambda::Url), or front the function with API "
                    + "Gateway or CloudFront with an authoriser when it must be public.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html"),
            List.of());

    private static final String NONE = "function URL has AuthType NONE";

    public UnauthenticatedFunctionUrl() {
        super(META, LambdaFunction.Part.URL, LambdaFunction.Part.RESOURCE_POLICY);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                        Membership membership) {
        if (target.readUrl().filter(u -> u.authType() == LambdaFunction.FunctionUrl.AuthType.NONE).isEmpty()) {
            return Optional.empty();
        }
        Optional<Invoker> anyone = FunctionInvokers.of(context, target, membership).stream()
                .filter(i -> i.kind() == InvokerKind.PUBLIC).findFirst();
        if (anyone.isEmpty()) {
            return Optional.of(target.violation(scope, NONE, List.of()));
        }
        Invoker i = anyone.get();
        Violation v = target.violation(scope, NONE + " and the resource policy lets anyone call it ("
                + Details.statements(i.statements()) + ")" + Invokers.dependence(i), Invokers.statementIds(List.of(i)));
        return Optional.of(i.decision() == Decision.ALLOWED ? v.withSeverity(Severity.CRITICAL) : v);
    }
}
