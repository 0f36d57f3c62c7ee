package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** LG-RUN-004: the function has environment variables and they are not encrypted with a customer-managed KMS key. */
public final class EnvironmentWithoutCustomerKey extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-RUN-004",
            "Environment variables are not encrypted with a customer-managed key", Family.RUNTIME, Severity.LOW, true,
            "Lambda encrypts environment variables at rest with an AWS-managed key that every principal allowed to "
                    + "read the function can use. A customer-managed KMS key adds a second, separately audited "
                    + "permission (kms:Decrypt) between a reader and the configuration, and lets you revoke it.",
            "Create or pick a customer-managed key and set it on the function: aws lambda "
                    + "update-function-configuration --function-name NAME --kms-key-arn arn:aws:kms:REGION:ACCOUNT:key/ID "
                    + "(IaC: KmsKeyArn on AWS::Lambda::Function); grant kms:Decrypt to the execution role only.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html"),
            List.of());

    public EnvironmentWithoutCustomerKey() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        LambdaFunction function = scope.function();
        if (function.environment().isEmpty() || (function.kmsKeyArn() != null && !function.kmsKeyArn().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(scope.violation(function.environment().size()
                + " environment variable(s) encrypted only with the AWS-managed key."));
    }
}
