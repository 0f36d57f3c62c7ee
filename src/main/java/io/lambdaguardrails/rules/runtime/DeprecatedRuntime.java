package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.RuntimeLifecycle;
import io.lambdaguardrails.rules.Violation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * LG-RUN-003: the managed runtime is deprecated (HIGH) or will be within {@code runtime.warnDays} (MEDIUM), by the
 * shipped lifecycle table with the configuration's overrides. Container images choose their own runtime and are
 * skipped. A runtime missing from the table gets a LOW finding saying its dates are not known, never silence.
 */
public final class DeprecatedRuntime extends FunctionRule {

    public static final RuleMeta META = new RuleMeta("LG-RUN-003", "Runtime is deprecated or about to be",
            Family.RUNTIME, Severity.HIGH, true,
            "AWS patches a managed runtime (language, libraries and operating system) only while it is supported. "
                    + "After its deprecation date the runtime receives no security fixes and no support, and later "
                    + "AWS blocks creating and then updating functions that use it — at which point even an urgent "
                    + "fix cannot be deployed without a runtime upgrade.",
            "Upgrade to a supported runtime of the same language and redeploy: aws lambda "
                    + "update-function-configuration --function-name NAME --runtime python3.13 (IaC: Runtime on "
                    + "AWS::Lambda::Function); test first, language versions are not fully backward compatible.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html"),
            List.of("FSBP Lambda.2", "AWS Config LAMBDA_FUNCTION_SETTINGS_CHECK"));

    private final RuntimeLifecycleTable shipped;

    public DeprecatedRuntime() {
        this(RuntimeLifecycleTable.shipped());
    }

    DeprecatedRuntime(RuntimeLifecycleTable shipped) {
        super(META);
        this.shipped = shipped;
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        String runtime = scope.function().runtime();
        if (scope.function().packageType() == LambdaFunction.PackageType.IMAGE || runtime == null) {
            return Optional.empty();
        }
        int warnDays = context.settings().runtime().warnDays();
        Optional<RuntimeLifecycle> lifecycle = shipped.withOverrides(context.settings().runtime().lifecycle()).lookup(runtime);
        if (lifecycle.isEmpty()) {
            return Optional.of(scope.violation("Runtime " + Details.safe(runtime) + " is not in the lifecycle table "
                    + "(checked " + shipped.lastChecked() + "): an unknown runtime, its dates are not known. Add it "
                    + "under settings.runtime.lifecycle, or update the table.").withSeverity(Severity.LOW));
        }
        return check(scope, lifecycle.get(), context.today(), warnDays);
    }

    private static Optional<Violation> check(FunctionScope f, RuntimeLifecycle lifecycle, LocalDate today,
                                             int warnDays) {
        LocalDate deprecation = lifecycle.deprecation();
        if (deprecation == null || deprecation.isAfter(today.plusDays(warnDays))) {
            return Optional.empty();
        }
        String runtime = f.function().runtime();
        boolean deprecated = !deprecation.isAfter(today);
        String when = deprecated
                ? "Runtime " + runtime + " was deprecated on " + deprecation + " and no longer receives security patches"
                : "Runtime " + runtime + " will be deprecated on " + deprecation + " (in "
                + ChronoUnit.DAYS.between(today, deprecation) + " days)";
        Violation v = f.violation(when + "; " + blockUpdate(lifecycle.blockUpdate(), today) + ".");
        return Optional.of(deprecated ? v : v.withSeverity(Severity.MEDIUM));
    }

    private static String blockUpdate(LocalDate blockUpdate, LocalDate today) {
        if (blockUpdate == null) {
            return "no date for blocking function updates is announced";
        }
        return (blockUpdate.isAfter(today) ? "function updates will be blocked from " : "function updates are blocked since ")
                + blockUpdate;
    }
}
