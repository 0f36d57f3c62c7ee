package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.EnvironmentVariable;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/**
 * LG-RUN-001: environment variables that hold a secret. Only the variable's name, the detector and the keyed
 * fingerprint are reported; the value never left collection.
 */
public final class SecretInEnvironment extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-RUN-001", "Environment variable holds a secret",
            Family.RUNTIME, Severity.CRITICAL, true,
            "Environment variables are returned in clear text by GetFunction and GetFunctionConfiguration to anyone "
                    + "with read access to the function, are copied into every published version, and live on in the "
                    + "execution environment across invocations. A key, token or password there is exposed far more "
                    + "widely than its owner intends and cannot be rotated without a redeploy.",
            "Move the secret to AWS Secrets Manager or SSM Parameter Store (SecureString), grant the execution role "
                    + "read access to that one secret, and read it at run time (for example with the AWS Parameters "
                    + "and Secrets Lambda Extension); then rotate the exposed value and remove the variable: "
                    + "aws lambda update-function-configuration --function-name NAME --environment Variables={...}.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
                    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html"),
            List.of());

    public SecretInEnvironment() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        List<EnvironmentVariable> flagged = scope.function().environment().stream().filter(EnvironmentVariable::flagged).toList();
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        String listed = String.join("; ", flagged.stream()
                .map(v -> SecretLabel.of(v.name(), v.detector(), v.fingerprint())).toList());
        return Optional.of(scope.violation("Environment variable(s) holding a secret: " + listed + ". Values are not shown.",
                flagged.stream().map(v -> "env:" + v.name()).toList()));
    }
}
