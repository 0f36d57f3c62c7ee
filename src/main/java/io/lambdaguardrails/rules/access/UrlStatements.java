package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.policy.Actions;
import io.lambdaguardrails.policy.Condition;
import io.lambdaguardrails.policy.Statement;

/** How a resource-policy statement relates to the function URL. */
final class UrlStatements {

    static final String INVOKE_URL = "lambda:InvokeFunctionUrl";
    private static final String AUTH_TYPE = "lambda:FunctionUrlAuthType", VIA_URL = "lambda:InvokedViaFunctionUrl";

    private UrlStatements() {
    }

    /**
     * The statement lets callers in only through the function URL: InvokeFunctionUrl is its only invoke action,
     * or it tests {@code lambda:FunctionUrlAuthType} (present only on URL calls), or requires
     * {@code lambda:InvokedViaFunctionUrl}.
     */
    static boolean opensOnlyUrl(Statement statement) {
        boolean onlyUrlAction = statement.coveredOf(Actions.LAMBDA_INVOKE).stream().allMatch(INVOKE_URL::equals);
        return onlyUrlAction
                || statement.conditionsOn(AUTH_TYPE).stream().anyMatch(Condition::restricts)
                || statement.conditionsOn(VIA_URL).stream().anyMatch(Condition::requiresTrue);
    }

    /** The statement applies only while the URL's AuthType is NONE. */
    static boolean boundToAuthNone(Statement statement) {
        return statement.conditionsOn(AUTH_TYPE).stream()
                .anyMatch(c -> c.restricts() && c.values().stream().allMatch("NONE"::equalsIgnoreCase));
    }
}
