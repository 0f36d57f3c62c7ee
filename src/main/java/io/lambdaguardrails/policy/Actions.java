package io.lambdaguardrails.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Action names and patterns ({@code service:Action}); IAM compares them case-insensitively. */
public final class Actions {

    /** What a Lambda resource policy may hand out as "invoke"; everything else gives more than invoking. */
    public static final List<String> LAMBDA_INVOKE = List.of(
            "lambda:InvokeFunction", "lambda:InvokeAsync", "lambda:InvokeFunctionUrl");

    /**
     * Lambda actions that act on a function, used to expand wildcards such as {@code lambda:Get*} in a function's
     * resource policy (Service Authorization Reference, resource type "function").
     */
    public static final List<String> LAMBDA_FUNCTION = List.of(
            "lambda:AddPermission", "lambda:CreateAlias", "lambda:CreateFunctionUrlConfig", "lambda:DeleteAlias",
            "lambda:DeleteFunction", "lambda:DeleteFunctionCodeSigningConfig", "lambda:DeleteFunctionConcurrency",
            "lambda:DeleteFunctionEventInvokeConfig", "lambda:DeleteFunctionUrlConfig",
            "lambda:DeleteProvisionedConcurrencyConfig", "lambda:DisableReplication", "lambda:EnableReplication",
            "lambda:GetAlias", "lambda:GetFunction", "lambda:GetFunctionCodeSigningConfig",
            "lambda:GetFunctionConcurrency", "lambda:GetFunctionConfiguration",
            "lambda:GetFunctionEventInvokeConfig", "lambda:GetFunctionRecursionConfig",
            "lambda:GetFunctionUrlConfig", "lambda:GetPolicy", "lambda:GetProvisionedConcurrencyConfig",
            "lambda:GetRuntimeManagementConfig", "lambda:InvokeAsync", "lambda:InvokeFunction",
            "lambda:InvokeFunctionUrl", "lambda:ListAliases", "lambda:ListFunctionEventInvokeConfigs",
            "lambda:ListFunctionUrlConfigs", "lambda:ListProvisionedConcurrencyConfigs", "lambda:ListTags",
            "lambda:ListVersionsByFunction", "lambda:PublishVersion", "lambda:PutFunctionCodeSigningConfig",
            "lambda:PutFunctionConcurrency", "lambda:PutFunctionEventInvokeConfig",
            "lambda:PutFunctionRecursionConfig", "lambda:PutProvisionedConcurrencyConfig",
            "lambda:PutRuntimeManagementConfig", "lambda:RemovePermission", "lambda:TagResource",
            "lambda:UntagResource", "lambda:UpdateAlias", "lambda:UpdateFunctionCode",
            "lambda:UpdateFunctionCodeSigningConfig", "lambda:UpdateFunctionConfiguration",
            "lambda:UpdateFunctionEventInvokeConfig", "lambda:UpdateFunctionUrlConfig");

    private Actions() {
    }

    public static boolean matches(String pattern, String action) {
        return Wildcard.matches(pattern, action, true);
    }

    /** {@code *} or {@code *:*}: every action of every service. */
    public static boolean isEverything(String pattern) {
        return pattern.equals("*") || pattern.equals("*:*");
    }

    /** The service prefix of a pattern ({@code s3} of {@code s3:Get*}), lower-case; empty for {@code *}. */
    public static Optional<String> service(String pattern) {
        int colon = pattern.indexOf(':');
        if (colon <= 0 || Wildcard.has(pattern.substring(0, colon))) {
            return Optional.empty();
        }
        return Optional.of(pattern.substring(0, colon).toLowerCase(Locale.ROOT));
    }

    /** {@code s3:*}: every action of one service. */
    public static boolean isServiceWide(String pattern) {
        return service(pattern).isPresent() && pattern.substring(pattern.indexOf(':') + 1).equals("*");
    }

    /** Whether the pattern matches at least one action of the service ({@code s3}): {@code s3:Get*}, {@code *}, {@code s*:List*}. */
    public static boolean matchesSomeActionOf(String pattern, String service) {
        return Wildcard.matchesSomeTextStartingWith(pattern, service + ":", true);
    }

    /** Whether the pattern matches every action of the service: {@code s3:*}, {@code *}, {@code s*}. */
    public static boolean matchesEveryActionOf(String pattern, String service) {
        return Wildcard.matchesEveryTextStartingWith(pattern, service + ":", true);
    }

    public static boolean isInvoke(String action) {
        return LAMBDA_INVOKE.stream().anyMatch(a -> a.equalsIgnoreCase(action));
    }
}
