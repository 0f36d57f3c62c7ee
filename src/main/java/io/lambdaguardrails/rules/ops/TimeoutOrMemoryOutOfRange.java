package io.lambdaguardrails.rules.ops;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Settings.OpsSettings;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** LG-OPS-004: timeout above {@code ops.maxTimeoutSeconds}, or memory outside {@code ops.memoryRange}. */
public final class TimeoutOrMemoryOutOfRange extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-OPS-004", "Timeout or memory outside the agreed range",
            Family.OPERATIONS, Severity.LOW, true,
            "A very long timeout lets a stuck or abused invocation run, and bill, for up to 15 minutes and hold "
                    + "downstream connections; memory outside the organisation's range is usually a copy-paste "
                    + "default that either starves the function or wastes money. The limits are set in ops settings.",
            "Set values inside the range: aws lambda update-function-configuration --function-name NAME --timeout 30 "
                    + "--memory-size 512 (IaC: Timeout and MemorySize on AWS::Lambda::Function), or adjust "
                    + "ops.maxTimeoutSeconds / ops.memoryRange.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html"),
            List.of("AWS Config LAMBDA_FUNCTION_SETTINGS_CHECK"));

    public TimeoutOrMemoryOutOfRange() {
        super(META);
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        return problems(scope.function(), context.settings().ops()).map(scope::violation);
    }

    private static Optional<String> problems(LambdaFunction function, OpsSettings ops) {
        List<String> problems = new ArrayList<>();
        if (function.timeout() != null && function.timeout() > ops.maxTimeoutSeconds()) {
            problems.add("timeout " + function.timeout() + " s exceeds " + ops.maxTimeoutSeconds() + " s");
        }
        Integer memory = function.memorySize();
        if (memory != null && (memory < ops.memoryRange().min() || memory > ops.memoryRange().max())) {
            problems.add("memory " + memory + " MB is outside " + ops.memoryRange().min() + "-"
                    + ops.memoryRange().max() + " MB");
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", problems) + ".");
    }
}
