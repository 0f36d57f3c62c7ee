package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.Cors;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.EventInvokeConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.FunctionUrl;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.VpcAttachment;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.Layer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Lambda functions of one (account, region): one paginated ListFunctions, bulk calls where the API has them
 * (event source mappings, code-signing configs), and a few small per-function reads run concurrently within the
 * account's call budget. Environment values are screened and dropped here.
 */
public final class FunctionCollector {

    static final String NAME = "lambda";

    private final LambdaClient lambda;
    private final ApiCaller calls;
    private final SecretScreen screen;
    private final Semaphore callBudget;

    public FunctionCollector(LambdaClient lambda, ApiCaller calls, SecretScreen screen, Semaphore callBudget) {
        this.lambda = lambda;
        this.calls = calls;
        this.screen = screen;
        this.callBudget = callBudget;
    }

    /** Functions with everything rules need, and the region's code-signing configs (null when unreadable). */
    public record Result(List<LambdaFunction> functions, List<CodeSigningConfig> codeSigningConfigs) {
    }

    public Result collect() {
        var listed = calls.call(NAME, "lambda:ListFunctions",
                () -> lambda.listFunctionsPaginator(r -> r.maxItems(50)).functions().stream().toList());
        if (!listed.succeeded()) {
            return new Result(List.of(), null);
        }
        Map<String, List<String>> eventSources = eventSourcesByFunction();
        CodeSigning signing = codeSigning();
        List<LambdaFunction> functions = Parallel.map(listed.value(),
                f -> function(f, eventSources, signing));
        return new Result(functions, signing.configs());
    }

    private LambdaFunction function(FunctionConfiguration f, Map<String, List<String>> eventSources,
                                    CodeSigning signing) {
        String arn = f.functionArn();
        List<String> notCollected = new ArrayList<>();
        var policy = budgeted("lambda:GetPolicy", true, () -> lambda.getPolicy(r -> r.functionName(arn)).policy());
        markMissing(policy, LambdaFunction.RESOURCE_POLICY, notCollected);
        var url = budgeted("lambda:GetFunctionUrlConfig", true,
                () -> url(lambda.getFunctionUrlConfig(r -> r.functionName(arn))));
        markMissing(url, LambdaFunction.URL, notCollected);
        var tags = budgeted("lambda:ListTags", false, () -> lambda.listTags(r -> r.resource(arn)).tags());
        markMissing(tags, LambdaFunction.TAGS, notCollected);
        var concurrency = budgeted("lambda:GetFunctionConcurrency", true,
                () -> lambda.getFunctionConcurrency(r -> r.functionName(arn)).reservedConcurrentExecutions());
        markMissing(concurrency, LambdaFunction.CONCURRENCY, notCollected);
        var eventInvoke = budgeted("lambda:ListFunctionEventInvokeConfigs", true,
                () -> eventInvoke(lambda.listFunctionEventInvokeConfigs(r -> r.functionName(arn)).functionEventInvokeConfigs()));
        markMissing(eventInvoke, LambdaFunction.EVENT_INVOKE, notCollected);
        String codeSigningArn = codeSigningArn(f, signing, notCollected);
        if (eventSources == null) {
            notCollected.add(LambdaFunction.EVENT_SOURCES);
        }

        var screened = screen.screen(
                f.environment() == null || f.environment().variables() == null ? Map.of() : f.environment().variables(),
                tags.value() == null ? Map.of() : tags.value(),
                f.description());
        return new LambdaFunction(arn, f.functionName(), f.runtimeAsString(), f.packageTypeAsString(), f.role(),
                screened.description(), f.memorySize(), f.timeout(), f.lastModified(), vpc(f),
                screened.environment(), f.kmsKeyArn(),
                f.tracingConfig() == null ? null : f.tracingConfig().modeAsString(),
                f.layers() == null ? List.of() : f.layers().stream().map(Layer::arn).toList(),
                f.deadLetterConfig() == null ? null : f.deadLetterConfig().targetArn(),
                screened.tags(), policy.value(), url.value(), codeSigningArn, concurrency.value(),
                eventInvoke.value(),
                eventSources == null ? List.of() : eventSources.getOrDefault(arn, List.of()),
                screened.secrets(), notCollected);
    }

    private <T> ApiCaller.Outcome<T> budgeted(String api, boolean notFoundIsAnswer, java.util.function.Supplier<T> op) {
        try {
            callBudget.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Parallel.CancelledCollection();
        }
        try {
            return calls.call(NAME, api, notFoundIsAnswer, op);
        } finally {
            callBudget.release();
        }
    }

    private static void markMissing(ApiCaller.Outcome<?> outcome, String part, List<String> notCollected) {
        if (!outcome.succeeded()) {
            notCollected.add(part);
        }
    }

    /** Lambda echoes a VPC id that emulators get wrong; the network collector resolves the VPC from the subnets. */
    private static VpcAttachment vpc(FunctionConfiguration f) {
        if (f.vpcConfig() == null || f.vpcConfig().subnetIds() == null || f.vpcConfig().subnetIds().isEmpty()) {
            return null;
        }
        return new VpcAttachment(null, f.vpcConfig().subnetIds(),
                f.vpcConfig().securityGroupIds() == null ? List.of() : f.vpcConfig().securityGroupIds());
    }

    private static FunctionUrl url(GetFunctionUrlConfigResponse r) {
        Cors cors = r.cors() == null ? null
                : new Cors(r.cors().allowOrigins() == null ? List.of() : r.cors().allowOrigins(),
                Boolean.TRUE.equals(r.cors().allowCredentials()));
        return new FunctionUrl(r.functionUrl(), r.authTypeAsString(), cors);
    }

    private static EventInvokeConfig eventInvoke(List<FunctionEventInvokeConfig> configs) {
        if (configs == null || configs.isEmpty()) {
            return null;
        }
        var c = configs.getFirst();
        var d = c.destinationConfig();
        return new EventInvokeConfig(
                d == null || d.onFailure() == null ? null : d.onFailure().destination(),
                d == null || d.onSuccess() == null ? null : d.onSuccess().destination());
    }

    /** Event sources of every function of the region in one paginated call; null when unreadable. */
    private Map<String, List<String>> eventSourcesByFunction() {
        var mappings = calls.call(NAME, "lambda:ListEventSourceMappings",
                () -> lambda.listEventSourceMappingsPaginator(r -> { }).eventSourceMappings().stream().toList());
        if (!mappings.succeeded()) {
            return null;
        }
        Map<String, List<String>> byFunction = new HashMap<>();
        for (EventSourceMappingConfiguration m : mappings.value()) {
            if (m.eventSourceArn() != null) {
                byFunction.computeIfAbsent(m.functionArn(), k -> new ArrayList<>()).add(m.eventSourceArn());
            }
        }
        return byFunction;
    }

    /**
     * The region's code-signing configs and the functions that use them, read per config rather than per function.
     * When the bulk API is unavailable, {@code configs} is null and each function is asked on its own.
     */
    private record CodeSigning(List<CodeSigningConfig> configs, Map<String, String> configByFunction) {
    }

    private CodeSigning codeSigning() {
        var listed = calls.call(NAME, "lambda:ListCodeSigningConfigs",
                () -> lambda.listCodeSigningConfigsPaginator(r -> { }).codeSigningConfigs().stream().toList());
        if (!listed.succeeded()) {
            return new CodeSigning(null, null);
        }
        List<CodeSigningConfig> configs = new ArrayList<>();
        Map<String, String> byFunction = new HashMap<>();
        for (var c : listed.value()) {
            configs.add(new CodeSigningConfig(c.codeSigningConfigArn(),
                    c.allowedPublishers() == null ? List.of() : c.allowedPublishers().signingProfileVersionArns(),
                    c.codeSigningPolicies() == null ? null : c.codeSigningPolicies().untrustedArtifactOnDeploymentAsString()));
            var users = calls.call(NAME, "lambda:ListFunctionsByCodeSigningConfig",
                    () -> lambda.listFunctionsByCodeSigningConfigPaginator(r -> r.codeSigningConfigArn(c.codeSigningConfigArn()))
                            .functionArns().stream().toList());
            if (!users.succeeded()) {
                return new CodeSigning(configs, null);
            }
            users.value().forEach(fn -> byFunction.put(fn, c.codeSigningConfigArn()));
        }
        return new CodeSigning(configs, byFunction);
    }

    private String codeSigningArn(FunctionConfiguration f, CodeSigning signing, List<String> notCollected) {
        if (!"Zip".equals(f.packageTypeAsString()) && f.packageType() != null) {
            return null;
        }
        if (signing.configByFunction() != null) {
            return signing.configByFunction().get(f.functionArn());
        }
        var single = budgeted("lambda:GetFunctionCodeSigningConfig", true,
                () -> lambda.getFunctionCodeSigningConfig(r -> r.functionName(f.functionArn())).codeSigningConfigArn());
        markMissing(single, LambdaFunction.CODE_SIGNING, notCollected);
        String arn = single.value();
        return arn == null || arn.isBlank() ? null : arn;
    }
}
