package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.EnvironmentVariable;
import io.lambdaguardrails.rules.RuleMeta;

import java.util.List;

/**
 * LG-RUN-001: environment variables that hold a secret. Only the variable's name, the detector and the keyed
 * fingerprint are reported; the value never left collection.
 */
public final class SecretInEnvironment extends SecretRule {

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
    protected List<Flagged> flagged(LambdaFunction function) {
        return function.environment().stream().filter(EnvironmentVariable::flagged)
                .map(v -> new Flagged(v.name(), v.detector(), v.fingerprint(), "env:" + v.name())).toList();
    }

    @Override
    protected String detail(String labels) {
        return "Environment variable(s) holding a secret: " + labels + ". Values are not shown.";
    }
}
