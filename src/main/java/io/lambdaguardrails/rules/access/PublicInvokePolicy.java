package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.RestrictingKey;
import io.lambdaguardrails.policy.Restriction;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** LG-ACC-001: Principal {@code *} may invoke the function and no condition narrows it to us. */
public final class PublicInvokePolicy extends ResourcePolicyRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-001",
            "Resource policy lets anyone invoke the function",
            Family.ACCESS, Severity.CRITICAL, true,
            "A function's resource policy decides who may invoke it. A statement for Principal * on an invoke action "
                    + "admits every AWS account and anonymous caller unless a condition ties it to a source account, "
                    + "source ARN or organisation of ours, so anyone can run the code and spend the account's money.",
            "Remove the statement (aws lambda remove-permission --function-name FN --statement-id SID) and grant "
                    + "the caller again with --source-account, --source-arn or --principal-org-id; in IaC set "
                    + "SourceAccount/SourceArn/PrincipalOrgID on AWS::Lambda::Permission.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html",
                    "https://docs.aws.amazon.com/securityhub/latest/userguide/lambda-controls.html#lambda-1",
                    "https://docs.aws.amazon.com/config/latest/developerguide/lambda-function-public-access-prohibited.html"),
            List.of("Security Hub FSBP Lambda.1", "AWS Config LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED"));

    public PublicInvokePolicy() {
        super(META, LambdaFunction.Part.URL);
    }

    @Override
    protected Optional<Violation> check(FunctionScope scope, PolicyDocument policy, Membership membership) {
        List<Statement> open = policy.allowStatements().stream()
                .filter(s -> s.hasPublicGrantee() && !s.coveredOf(Actions.LAMBDA_INVOKE).isEmpty())
                .filter(s -> Restriction.of(s, RestrictingKey.FOR_PUBLIC, membership).scope() == Restriction.Scope.ANYONE)
                .filter(s -> judgedHere(s, scope.function()))
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = open.stream().map(s -> Details.statement(policy, s)
                + " (" + String.join(", ", s.coveredOf(Actions.LAMBDA_INVOKE)) + ")").toList();
        return Optional.of(scope.violation("Principal * may invoke with no restricting condition: "
                + String.join("; ", described), open.stream().map(s -> Details.statementId(policy, s)).toList()));
    }

    /**
     * A statement that opens only the function URL is LG-ACC-002's when the URL is unauthenticated, and opens
     * nothing while there is no URL; with an AWS_IAM URL it admits every AWS account, which is this rule's.
     */
    private static boolean judgedHere(Statement statement, LambdaFunction function) {
        if (!UrlStatements.opensOnlyUrl(statement)) {
            return true;
        }
        return function.url() != null && "AWS_IAM".equalsIgnoreCase(function.url().authType())
                && !UrlStatements.boundToAuthNone(statement);
    }
}
