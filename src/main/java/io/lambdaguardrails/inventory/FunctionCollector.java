package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.Cors;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.EventInvokeConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.FunctionUrl;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.VpcAttachment;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicyParseException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionEventInvokeConfig;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * Lambda functions of one (account, region): one paginated ListFunctions, bulk calls where the API has them
 * (event source mappings, code-signing configs, tags through the Resource Groups Tagging API), and a few small
 * per-function reads run concurrently within the account's call budget — only those the plan asks for. When a bulk
 * call is unavailable (denied, unsupported), each function is asked on its own. Each alias (and each version named
 * by an event-source mapping or the function's policy) has its policy and URL read by qualifier. Environment values
 * are screened and dropped here.
 */
public final class FunctionCollector {

    static final String NAME = "lambda";
    /** The tagging API's page limit. */
    private static final int TAGGED_PER_PAGE = 100;

    private final LambdaClient lambda;
    private final ResourceGroupsTaggingApiClient tagging;
    private final ApiCaller calls;
    private final SecretScreen screen;
    private final Semaphore callBudget;
    private final CollectionPlan plan;

    public FunctionCollector(LambdaClient lambda, ResourceGroupsTaggingApiClient tagging,
                             ApiCaller calls, SecretScreen screen, Semaphore callBudget, CollectionPlan plan) {
        this.lambda = lambda;
        this.tagging = tagging;
        this.calls = calls;
        this.screen = screen;
        this.callBudget = callBudget;
        this.plan = plan;
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
        EventSources eventSources = eventSources();
        CodeSigning signing = codeSigning();
        Map<String, Map<String, String>> tagged = listed.value().isEmpty() ? Map.of() : tagsByFunction();
        List<LambdaFunction> functions = Parallel.map(listed.value(),
                f -> function(f, eventSources, signing, tagged));
        return new Result(functions, signing.configs());
    }

    private LambdaFunction function(FunctionConfiguration f, EventSources eventSources,
                                    CodeSigning signing, Map<String, Map<String, String>> tagged) {
        String arn = f.functionArn();
        Set<LambdaFunction.Part> notCollected = EnumSet.noneOf(LambdaFunction.Part.class);
        var policy = budgeted("lambda:GetPolicy", true,
                () -> readable(lambda.getPolicy(r -> r.functionName(arn)).policy()));
        markMissing(policy, LambdaFunction.Part.RESOURCE_POLICY, notCollected);
        var url = budgeted("lambda:GetFunctionUrlConfig", true,
                () -> url(lambda.getFunctionUrlConfig(r -> r.functionName(arn))));
        markMissing(url, LambdaFunction.Part.URL, notCollected);
        var tags = tagged != null ? new ApiCaller.Outcome<>(tagged.getOrDefault(arn, Map.of()), true, null)
                : budgeted("lambda:ListTags", false, () -> lambda.listTags(r -> r.resource(arn)).tags());
        markMissing(tags, LambdaFunction.Part.TAGS, notCollected);
        ApiCaller.Outcome<Integer> concurrency = new ApiCaller.Outcome<>(null, false, null);
        if (plan.reads(LambdaFunction.Part.CONCURRENCY)) {
            concurrency = budgeted("lambda:GetFunctionConcurrency", true,
                    () -> lambda.getFunctionConcurrency(r -> r.functionName(arn)).reservedConcurrentExecutions());
            markMissing(concurrency, LambdaFunction.Part.CONCURRENCY, notCollected);
        } else {
            notCollected.add(LambdaFunction.Part.CONCURRENCY);
        }
        var eventInvoke = budgeted("lambda:ListFunctionEventInvokeConfigs", true,
                () -> eventInvoke(lambda.listFunctionEventInvokeConfigs(r -> r.functionName(arn)).functionEventInvokeConfigs()));
        markMissing(eventInvoke, LambdaFunction.Part.EVENT_INVOKE, notCollected);
        String codeSigningArn = codeSigningArn(f, signing, notCollected);
        if (eventSources.byFunction() == null) {
            notCollected.add(LambdaFunction.Part.EVENT_SOURCES);
        }
        List<LambdaFunction.Qualifier> qualifiers = null;
        if (plan.reads(LambdaFunction.Part.QUALIFIERS)) {
            qualifiers = qualifiers(arn, policy.value(), eventSources.qualifiers().getOrDefault(arn, Set.of()));
        }
        if (qualifiers == null) {
            notCollected.add(LambdaFunction.Part.QUALIFIERS);
        }

        var screened = screen.screen(
                f.environment() == null || f.environment().variables() == null ? Map.of() : f.environment().variables(),
                tags.value() == null ? Map.of() : tags.value(),
                f.description());
        return new LambdaFunction(arn, f.functionName(), f.runtimeAsString(), packageType(f), f.role(),
                screened.description(), f.memorySize(), f.timeout(), f.lastModified(), vpc(f),
                screened.environment(), f.kmsKeyArn(),
                tracingMode(f),
                f.layers() == null ? List.of() : f.layers().stream().map(Layer::arn).toList(),
                f.deadLetterConfig() == null ? null : f.deadLetterConfig().targetArn(),
                screened.tags(), ReadPolicy.json(policy.value()), url.value(), codeSigningArn, concurrency.value(),
                eventInvoke.value(),
                eventSources.byFunction() == null ? List.of() : eventSources.byFunction().getOrDefault(arn, List.of()),
                screened.secrets(), qualifiers, notCollected);
    }

    /**
     * The function's aliases (one paginated ListAliases) and the versions its event-source mappings or its policy
     * name, each with its own policy and URL read by qualifier; null when the aliases cannot be listed. A read that
     * fails marks that part of that qualifier not collected (and is in coverage).
     */
    private List<LambdaFunction.Qualifier> qualifiers(String arn, ReadPolicy policy, Set<String> versions) {
        var aliases = budgeted("lambda:ListAliases", false,
                () -> lambda.listAliasesPaginator(r -> r.functionName(arn)).aliases().stream().toList());
        if (!aliases.succeeded()) {
            return null;
        }
        Map<String, String> named = new LinkedHashMap<>();
        aliases.value().forEach(a -> named.put(a.name(), a.functionVersion()));
        Set<String> numbered = new TreeSet<>(versions);
        if (policy != null) {
            numbered.addAll(QualifiedArns.namedIn(arn, policy.document()));
        }
        numbered.stream().filter(v -> !named.containsKey(v)).forEach(v -> named.put(v, null));
        return named.entrySet().stream().map(e -> qualifier(arn, e.getKey(), e.getValue())).toList();
    }

    private LambdaFunction.Qualifier qualifier(String arn, String name, String functionVersion) {
        Set<LambdaFunction.Qualifier.Part> missing = EnumSet.noneOf(LambdaFunction.Qualifier.Part.class);
        var policy = budgeted("lambda:GetPolicy", true,
                () -> readable(lambda.getPolicy(r -> r.functionName(arn).qualifier(name)).policy()));
        if (!policy.succeeded()) {
            missing.add(LambdaFunction.Qualifier.Part.RESOURCE_POLICY);
        }
        var url = budgeted("lambda:GetFunctionUrlConfig", true,
                () -> url(lambda.getFunctionUrlConfig(r -> r.functionName(arn).qualifier(name))));
        if (!url.succeeded()) {
            missing.add(LambdaFunction.Qualifier.Part.URL);
        }
        return new LambdaFunction.Qualifier(name, functionVersion, ReadPolicy.json(policy.value()), url.value(), missing);
    }

    private static LambdaFunction.PackageType packageType(FunctionConfiguration f) {
        return switch (f.packageType()) {
            case ZIP -> LambdaFunction.PackageType.ZIP;
            case IMAGE -> LambdaFunction.PackageType.IMAGE;
            case null, default -> null;
        };
    }

    private static LambdaFunction.TracingMode tracingMode(FunctionConfiguration f) {
        return switch (f.tracingConfig() == null ? null : f.tracingConfig().mode()) {
            case ACTIVE -> LambdaFunction.TracingMode.ACTIVE;
            case PASS_THROUGH -> LambdaFunction.TracingMode.PASS_THROUGH;
            case null, default -> null;
        };
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

    /** A resource policy as read, and as parsed to prove it readable (and to find the qualifiers it names). */
    private record ReadPolicy(String json, PolicyDocument document) {

        static String json(ReadPolicy policy) {
            return policy == null ? null : policy.json();
        }
    }

    /** A policy the analyser cannot read is a failed read, recorded in coverage, not a policy no rule understands. */
    private static ReadPolicy readable(String policy) {
        try {
            return new ReadPolicy(policy, PolicyDocument.parse(policy));
        } catch (PolicyParseException e) {
            throw new UnreadableDocument("resource " + e.getMessage());
        }
    }

    private static void markMissing(ApiCaller.Outcome<?> outcome, LambdaFunction.Part part, Set<LambdaFunction.Part> notCollected) {
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
        return new FunctionUrl(r.functionUrl(), FunctionUrl.AuthType.of(r.authTypeAsString()), cors);
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

    /**
     * Tags of every tagged function of the region, by ARN, in one paginated call (a function missing from the answer
     * has no tags); null when the tagging API cannot be read, and each function's tags are then read on their own.
     */
    private Map<String, Map<String, String>> tagsByFunction() {
        var mappings = calls.attempt(NAME, "tag:GetResources", () -> tagging.getResourcesPaginator(
                        r -> r.resourceTypeFilters("lambda:function").resourcesPerPage(TAGGED_PER_PAGE))
                .resourceTagMappingList().stream().toList());
        if (!mappings.succeeded()) {
            return null;
        }
        Map<String, Map<String, String>> byArn = new HashMap<>();
        for (ResourceTagMapping m : mappings.value()) {
            Map<String, String> tags = new HashMap<>();
            m.tags().forEach(t -> tags.put(t.key(), t.value()));
            byArn.put(m.resourceARN(), tags);
        }
        return byArn;
    }

    /**
     * Event sources of every function of the region, by unqualified function ARN ({@code byFunction} null when
     * unreadable), and the qualifiers the mappings invoke ({@code fn:live}, {@code fn:7}).
     */
    private record EventSources(Map<String, List<String>> byFunction, Map<String, Set<String>> qualifiers) {
    }

    private EventSources eventSources() {
        var mappings = calls.call(NAME, "lambda:ListEventSourceMappings",
                () -> lambda.listEventSourceMappingsPaginator().eventSourceMappings().stream().toList());
        if (!mappings.succeeded()) {
            return new EventSources(null, Map.of());
        }
        Map<String, List<String>> byFunction = new HashMap<>();
        Map<String, Set<String>> qualifiers = new HashMap<>();
        for (EventSourceMappingConfiguration m : mappings.value()) {
            String function = QualifiedArns.unqualified(m.functionArn());
            QualifiedArns.qualifier(m.functionArn())
                    .ifPresent(q -> qualifiers.computeIfAbsent(function, k -> new TreeSet<>()).add(q));
            if (m.eventSourceArn() != null) {
                byFunction.computeIfAbsent(function, k -> new ArrayList<>()).add(m.eventSourceArn());
            }
        }
        return new EventSources(byFunction, qualifiers);
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
                    c.codeSigningPolicies() == null ? null
                            : CodeSigningConfig.Policy.of(c.codeSigningPolicies().untrustedArtifactOnDeploymentAsString())));
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

    private String codeSigningArn(FunctionConfiguration f, CodeSigning signing, Set<LambdaFunction.Part> notCollected) {
        if (f.packageType() != PackageType.ZIP && f.packageType() != null) {
            return null;
        }
        if (signing.configByFunction() != null) {
            return signing.configByFunction().get(f.functionArn());
        }
        var single = budgeted("lambda:GetFunctionCodeSigningConfig", true,
                () -> lambda.getFunctionCodeSigningConfig(r -> r.functionName(f.functionArn())).codeSigningConfigArn());
        markMissing(single, LambdaFunction.Part.CODE_SIGNING, notCollected);
        String arn = single.value();
        return arn == null || arn.isBlank() ? null : arn;
    }
}
