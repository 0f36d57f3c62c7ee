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
import io.lambdaguardrails.rules.support.FunctionInvokers;
import io.lambdaguardrails.rules.support.Invoker;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.QualifiedFunction;
import java.util.List;
import java.util.Optional;

/**
 * LG-ACC-001: any AWS account may invoke the function (or an alias or version) — Principal {@code *} with no
 * condition that ties the grant to our accounts, organisation or source resources, directly or through a URL with
 * AuthType AWS_IAM. A URL with AuthType NONE is LG-ACC-002's.
 */
public final class PublicInvokePolicy extends QualifierRule {

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
        super(META, LambdaFunction.Part.RESOURCE_POLICY, LambdaFunction.Part.URL);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                        Membership membership) {
        List<Invoker> open = FunctionInvokers.of(context, target, membership).stream()
                .filter(i -> i.kind() == InvokerKind.ANY_ACCOUNT).toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = open.stream().map(i -> "through the " + i.through() + " ("
                + Details.statements(i.statements()) + ")" + Invokers.dependence(i)).toList();
        return Optional.of(target.violation(scope, "any AWS account may invoke " + String.join("; ", described),
                Invokers.statementIds(open)));
    }
}
