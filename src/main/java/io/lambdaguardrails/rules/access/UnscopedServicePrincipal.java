package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.Principal;
import io.lambdaguardrails.policy.RestrictingKey;
import io.lambdaguardrails.policy.Restriction;
import io.lambdaguardrails.policy.Statement;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/**
 * LG-ACC-005: an AWS service may invoke the function on behalf of any account's resources — no source account,
 * source organisation or account-bearing source ARN (an S3 bucket ARN carries no account).
 */
public final class UnscopedServicePrincipal extends ResourcePolicyRule {

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
        super(META);
    }

    @Override
    protected Optional<Violation> check(FunctionScope scope, PolicyDocument policy, Membership membership) {
        List<Statement> unscoped = policy.allowStatements().stream()
                .filter(s -> s.grantees().stream().anyMatch(Principal::isService))
                .filter(s -> Restriction.of(s, RestrictingKey.FOR_SERVICE, membership).scope() == Restriction.Scope.ANYONE)
                .toList();
        if (unscoped.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = unscoped.stream().flatMap(s -> s.grantees().stream().filter(Principal::isService)
                .map(p -> Details.quote(p.id()) + " (" + Details.statement(policy, s) + ")")).toList();
        return Optional.of(scope.violation("service principal may invoke for any account's resources: "
                + String.join("; ", described), unscoped.stream().map(s -> Details.statementId(policy, s)).toList()));
    }
}
