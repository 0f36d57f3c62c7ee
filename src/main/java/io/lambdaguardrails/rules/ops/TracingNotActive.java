package io.lambdaguardrails.rules.ops;

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

/** LG-OPS-003: X-Ray active tracing is off. */
public final class TracingNotActive extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-OPS-003", "X-Ray active tracing is off",
            Family.OPERATIONS, Severity.LOW, true,
            "Active tracing records each invocation's calls to downstream services, which is how an unexpected "
                    + "destination, a slow dependency or an error chain across functions is found. With PassThrough, "
                    + "only requests that arrive already traced are recorded.",
            "Turn on active tracing and allow the role to write traces: aws lambda update-function-configuration "
                    + "--function-name NAME --tracing-config Mode=Active (IaC: TracingConfig.Mode Active; attach "
                    + "AWSXRayDaemonWriteAccess to the execution role).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html"),
            List.of("FSBP Lambda.7", "AWS Config LAMBDA_FUNCTION_XRAY_ENABLED"));

    public TracingNotActive() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        LambdaFunction.TracingMode mode = scope.function().tracingMode();
        if (mode == null || mode == LambdaFunction.TracingMode.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(scope.violation("Tracing mode is " + mode.awsName() + ", not Active."));
    }
}
