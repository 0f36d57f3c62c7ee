package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.RestrictingKey;
import io.lambdaguardrails.policy.Restriction;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** LG-ACC-002: the function URL takes unauthenticated calls; CRITICAL when the policy lets anyone use it. */
public final class UnauthenticatedFunctionUrl extends FunctionRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-002",
            "Function URL does not require authentication",
            Family.ACCESS, Severity.HIGH, true,
            "A function URL with AuthType NONE skips IAM authentication: whoever the resource policy admits can call "
                    + "the HTTPS endpoint without signing. With a Principal * statement for lambda:InvokeFunctionUrl "
                    + "the function is open to the whole internet, and any authentication is left to the code.",
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
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        LambdaFunction function = scope.function();
        if (!function.collected(LambdaFunction.Part.URL) || function.url() == null
                || !"NONE".equalsIgnoreCase(function.url().authType())) {
            return Optional.empty();
        }
        var membership = context.org().membership(scope.account().accountId());
        return Optional.of(FunctionPolicy.of(function).map(policy -> {
            List<Statement> open = policy.allowStatements().stream()
                    .filter(s -> s.hasPublicGrantee() && s.covers(UrlStatements.INVOKE_URL))
                    .filter(s -> Restriction.of(s, RestrictingKey.FOR_PUBLIC, membership).scope() == Restriction.Scope.ANYONE)
                    .toList();
            if (open.isEmpty()) {
                return scope.violation(NONE);
            }
            return scope.violation(NONE + " and the resource policy lets anyone call it ("
                            + String.join(", ", open.stream().map(s -> Details.statement(policy, s)).toList()) + ")",
                    open.stream().map(s -> Details.statementId(policy, s)).toList()).withSeverity(Severity.CRITICAL);
        }).orElse(scope.violation(NONE)));
    }
}
