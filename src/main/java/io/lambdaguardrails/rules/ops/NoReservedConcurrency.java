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

/** LG-OPS-001: the function has no reserved concurrency limit. Off by default. */
public final class NoReservedConcurrency extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-OPS-001", "No reserved concurrency limit",
            Family.OPERATIONS, Severity.LOW, false,
            "Without reserved concurrency a function can consume the account's whole regional concurrency pool: a "
                    + "flood of events or a recursive loop then throttles every other function in the account, and "
                    + "downstream databases see unbounded connections. Off by default because many functions are "
                    + "deliberately left to the shared pool.",
            "Reserve a ceiling that fits the function and its downstreams: aws lambda put-function-concurrency "
                    + "--function-name NAME --reserved-concurrent-executions 50 "
                    + "(IaC: ReservedConcurrentExecutions on AWS::Lambda::Function).",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html"),
            List.of("AWS Config LAMBDA_CONCURRENCY_CHECK"));

    public NoReservedConcurrency() {
        super(META, LambdaFunction.Part.CONCURRENCY);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        if (!scope.function().collected(LambdaFunction.Part.CONCURRENCY) || scope.function().reservedConcurrency() != null) {
            return Optional.empty();
        }
        return Optional.of(scope.violation("No reserved concurrency: the function can use the whole account pool."));
    }
}
