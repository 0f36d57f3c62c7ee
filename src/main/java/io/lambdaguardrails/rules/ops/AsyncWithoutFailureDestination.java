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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * LG-OPS-002: a function invoked asynchronously — it has an event-invoke configuration, or its resource policy lets
 * S3, SNS, EventBridge, SES, IoT or CloudWatch Logs invoke it — has neither a dead-letter queue nor an on-failure
 * destination, so events that fail all retries are dropped.
 */
public final class AsyncWithoutFailureDestination extends FunctionRule {

    static final Set<String> ASYNC_SERVICES = Set.of("s3", "sns", "events", "ses", "iot", "logs");

    public static final RuleMeta META = new RuleMeta("LG-OPS-002",
            "Asynchronously invoked function has no dead-letter queue or on-failure destination", Family.OPERATIONS,
            Severity.LOW, true,
            "For asynchronous invocations Lambda retries a failing event twice and then discards it. Without a "
                    + "dead-letter queue or an on-failure destination, those events — an uploaded object, a "
                    + "notification, a scheduled job — are lost silently, and nobody can replay or audit them.",
            "Send failed events somewhere durable: aws lambda put-function-event-invoke-config --function-name NAME "
                    + "--destination-config '{\"OnFailure\":{\"Destination\":\"arn:aws:sqs:REGION:ACCOUNT:QUEUE\"}}' "
                    + "(IaC: AWS::Lambda::EventInvokeConfig, or DeadLetterConfig on the function).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html"),
            List.of("AWS Config LAMBDA_DLQ_CHECK"));

    public AsyncWithoutFailureDestination() {
        super(META, LambdaFunction.Part.EVENT_INVOKE, LambdaFunction.Part.RESOURCE_POLICY);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        LambdaFunction function = scope.function();
        if (function.deadLetterTargetArn() != null || !function.collected(LambdaFunction.Part.EVENT_INVOKE)
                || (function.eventInvoke() != null && function.eventInvoke().onFailureDestination() != null)) {
            return Optional.empty();
        }
        Set<String> services = asyncServices(context, function);
        if (function.eventInvoke() == null && services.isEmpty()) {
            return Optional.empty();
        }
        String why = function.eventInvoke() != null ? "has an asynchronous invocation configuration"
                : "may be invoked asynchronously by " + String.join(", ", services);
        return Optional.of(scope.violation("Function " + why
                + " but failed events go to neither a dead-letter queue nor an on-failure destination."));
    }

    private static Set<String> asyncServices(RuleContext context, LambdaFunction function) {
        return context.policy(function.resourcePolicy()).stream()
                .flatMap(policy -> policy.allowStatements().stream())
                .flatMap(s -> s.grantees().stream())
                .flatMap(p -> p.service().stream())
                .filter(ASYNC_SERVICES::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
