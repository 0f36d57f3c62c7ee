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
 * LG-ACC-005: an AWS service may invoke the function (or an alias or version) on behalf of any account's resources —
 * no source account, source organisation or account-bearing source ARN of ours narrows it (an S3 bucket ARN carries
 * no account).
 */
public final class UnscopedServicePrincipal extends QualifierRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-005",
            "Service principal may invoke without a source account",
            Family.ACCESS, Severity.MEDIUM, true,
            "A grant to a service principal such as s3.amazonaws.com lets that service invoke the function for any "
                    + "customer's resource unless the statement names the source account or resource. Another account "
                    + "can then point its own bucket, topic or rule at the function: the confused-deputy problem.",
            "Re-add the permission with the source pinned (aws lambda add-permission ... --source-account ID "
                    + "--source-arn ARN; SourceAccount and SourceArn on AWS::Lambda::Permission). S3 bucket ARNs "
                    + "carry no account, so S3 permissions need --source-account.",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html"),
            List.of());

    public UnscopedServicePrincipal() {
        super(META, LambdaFunction.Part.RESOURCE_POLICY);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                        Membership membership) {
        List<Invoker> unscoped = FunctionInvokers.of(context, target, membership).stream()
                .filter(i -> i.kind() == InvokerKind.SERVICE_UNSCOPED).toList();
        if (unscoped.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = unscoped.stream().map(i -> Details.quote(i.principal()) + " ("
                + Details.statements(i.statements()) + ")" + Invokers.dependence(i)).toList();
        return Optional.of(target.violation(scope, "service principal may invoke for any account's resources: "
                + String.join("; ", described), Invokers.statementIds(unscoped)));
    }
}
