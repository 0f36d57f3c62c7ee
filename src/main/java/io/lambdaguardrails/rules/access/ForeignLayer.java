package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.policy.Ownership;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.OrgView;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * LG-ACC-007: the function runs a layer published by an account outside the organisation and not listed in
 * {@code layers.trustedAccounts}. Where the organisation is unknown, a layer of another untrusted account is not judged,
 * and said so.
 */
public final class ForeignLayer extends FunctionRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-ACC-007",
            "Function uses a layer from an account outside the organisation",
            Family.ACCESS, Severity.MEDIUM, true,
            "A layer's code runs inside the function with the execution role's permissions. A layer owned by an "
                    + "account outside the organisation is code whose publishing the organisation does not control; "
                    + "its owner can publish new versions or delete the ones the function depends on.",
            "Copy the layer into an account of the organisation and point the function at it (aws lambda "
                    + "update-function-configuration --function-name FN --layers ARN), or add a vetted publisher — "
                    + "such as an AWS-published layer account — to layers.trustedAccounts.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/permissions-layer-cross-account.html"),
            List.of());

    /** {@code arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION}. */
    private static final Pattern LAYER_ARN = Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:(\\d{12}):layer:([^:]+)(?::.*)?");

    public ForeignLayer() {
        super(META);
    }

    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return context.regions().flatMap(region -> {
            List<String> unplaced = region.region().functions().stream().flatMap(f -> layers(context,
                            new FunctionScope(region.account(), region.region(), f), Ownership.UNKNOWN).stream()
                    .map(l -> describe(l) + " (function " + Details.quote(f.name()) + ")")).toList();
            return unplaced.isEmpty() ? Stream.<NotEvaluated>empty() : Stream.of(cannotJudge(region.account().accountId(),
                    region.region().region(), OrgView.NOT_KNOWN + Details.list(unplaced, 3)));
        }).toList();
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        List<Layer> foreign = layers(context, scope, Ownership.FOREIGN);
        if (foreign.isEmpty()) {
            return Optional.empty();
        }
        List<String> described = foreign.stream().map(ForeignLayer::describe).toList();
        return Optional.of(scope.violation("uses layers from outside the organisation: " + String.join(", ", described),
                foreign.stream().map(Layer::arn).toList()));
    }

    /** The function's layers from untrusted accounts whose ownership is {@code placed}. */
    private static List<Layer> layers(RuleContext context, FunctionScope scope, Ownership placed) {
        Membership membership = context.org().membership(scope.account().accountId());
        List<String> trusted = context.settings().layers().trustedAccounts();
        return scope.function().layerArns().stream()
                .flatMap(arn -> Layer.parse(arn).stream())
                .filter(l -> !trusted.contains(l.account()) && membership.account(l.account()) == placed)
                .toList();
    }

    private static String describe(Layer l) {
        return "layer " + Details.quote(l.name()) + " of " + l.account();
    }

    private record Layer(String arn, String account, String name) {
        static Optional<Layer> parse(String arn) {
            var m = LAYER_ARN.matcher(arn);
            return m.matches() ? Optional.of(new Layer(arn, m.group(1), m.group(2))) : Optional.empty();
        }
    }
}
