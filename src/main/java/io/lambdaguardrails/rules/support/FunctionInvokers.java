package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction.FunctionUrl;
import io.lambdaguardrails.policy.Evaluation;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.NamedPolicy;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may invoke a function and each of its aliases and versions, asked of the access evaluator: for every caller
 * the policy gives reason to ask about (see {@link Callers}), direct invocation ({@code lambda:InvokeFunction},
 * {@code lambda:InvokeAsync}) and, when the resource has a URL, a call through it — signed for AuthType AWS_IAM, by
 * anyone at all for AuthType NONE. Lambda authorises a URL call only when the resource policy allows the caller both
 * {@code lambda:InvokeFunctionUrl} and {@code lambda:InvokeFunction} (AWS's model for function URLs since October
 * 2025), each asked with the keys a URL call carries.
 */
public final class FunctionInvokers {

    static final String INVOKE = "lambda:InvokeFunction";
    static final List<String> DIRECT = List.of(INVOKE, "lambda:InvokeAsync");
    static final String INVOKE_URL = "lambda:InvokeFunctionUrl";
    /** Keys only a call through a function URL carries. */
    static final String[] URL_KEYS = {"lambda:FunctionUrlAuthType", "lambda:InvokedViaFunctionUrl"};

    private FunctionInvokers() {
    }

    /** Invokers of the function and of every qualifier whose policy was read. */
    public static List<Invoker> of(RuleContext context, FunctionScope scope) {
        Membership membership = context.org().membership(scope.account().accountId());
        return QualifiedFunction.of(context, scope.function()).stream().flatMap(q -> of(context, q, membership).stream())
                .toList();
    }

    /**
     * Invokers of one resource of {@code membership}'s account, evaluated once per rule context however many rules
     * ask; none when its policy was not collected or does not parse.
     */
    public static List<Invoker> of(RuleContext context, QualifiedFunction target, Membership membership) {
        return context.memo().get(new Resource(target.arn(), membership.ownAccount()), () -> evaluate(target, membership));
    }

    private static List<Invoker> evaluate(QualifiedFunction target, Membership membership) {
        if (target.policy().isEmpty()) {
            return List.of();
        }
        PolicyDocument document = target.policy().get();
        NamedPolicy policy = new NamedPolicy(target.name(), document);
        Optional<FunctionUrl> url = target.readUrl();
        boolean anonymousUrl = url.filter(u -> u.authType() == FunctionUrl.AuthType.NONE).isPresent();

        Map<Key, Outcome> outcomes = new LinkedHashMap<>();
        for (Caller caller : Callers.of(document, membership)) {
            Caller direct = caller.without(URL_KEYS);
            Outcome viaPolicy = outcomes.computeIfAbsent(new Key(caller.kind(), caller.principal(), Invoker.RESOURCE_POLICY), k -> new Outcome());
            DIRECT.forEach(action -> viaPolicy.add(Outcome.evaluate(policy, direct, action, target.arn())));
            if (url.isPresent() && !anonymousUrl && !caller.who().kind().equals(RequestPrincipal.Kind.SERVICE)) {
                String authType = url.get().authType() == null ? null : url.get().authType().name();
                outcomes.computeIfAbsent(new Key(caller.kind(), caller.principal(), Invoker.url(authType)), k -> new Outcome())
                        .add(urlCall(policy, viaUrl(caller, authType), target.arn()));
            }
        }
        if (anonymousUrl) {
            Caller anyone = new Caller(InvokerKind.PUBLIC, "*", RequestPrincipal.anonymous(), RequestContext.open()
                    .without("aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalArn",
                            "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID", "aws:SourceOrgPaths",
                            "lambda:EventSourceToken"), false);
            outcomes.computeIfAbsent(new Key(InvokerKind.PUBLIC, "*", Invoker.url("NONE")), k -> new Outcome())
                    .add(urlCall(policy, viaUrl(anyone, "NONE"), target.arn()));
        }
        List<Invoker> invokers = new ArrayList<>();
        outcomes.forEach((key, outcome) -> {
            if (outcome.possible()) {
                invokers.add(new Invoker(target.qualifier(), key.kind(), key.principal(), key.through(),
                        outcome.decision(), outcome.dependsOn(), outcome.statements()));
            }
        });
        return List.copyOf(invokers);
    }

    private static Evaluation urlCall(NamedPolicy policy, Caller caller, String arn) {
        return Outcome.evaluate(policy, caller, INVOKE_URL, arn).and(Outcome.evaluate(policy, caller, INVOKE, arn));
    }

    private static Caller viaUrl(Caller caller, String authType) {
        return caller.with("lambda:FunctionUrlAuthType", authType).with("lambda:InvokedViaFunctionUrl", "true");
    }

    private record Key(InvokerKind kind, String principal, String through) {
    }

    private record Resource(String arn, String account) {
    }
}
