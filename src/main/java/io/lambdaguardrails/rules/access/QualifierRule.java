package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.Membership;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.OrgView;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.QualifiedFunction;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An access rule that judges the function and each of its aliases and versions as a resource of its own (each has
 * its own resource policy and URL), reporting each at most once under its qualified ARN. Where a resource's policy or
 * URL, or a function's list of aliases, could not be read, the rule says it could not judge it — once per account and
 * region, naming the first few; likewise where its verdict needs the organisation and that is not known
 * ({@link #unplaced}).
 */
abstract class QualifierRule extends Rule {

    QualifierRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reading(LambdaFunction.Part.QUALIFIERS, reads));
    }

    @Override
    public final List<Violation> evaluate(RuleContext context) {
        return context.functions().flatMap(scope -> {
            Membership membership = context.org().membership(scope.account().accountId());
            return QualifiedFunction.of(context, scope.function()).stream()
                    .flatMap(target -> check(context, scope, target, membership).stream());
        }).toList();
    }

    protected abstract Optional<Violation> check(RuleContext context, FunctionScope scope, QualifiedFunction target,
                                                 Membership membership);

    @Override
    public final List<NotEvaluated> notEvaluated(RuleContext context) {
        return context.regions().flatMap(region -> {
            List<String> unread = region.region().functions().stream().flatMap(f -> unread(context, f)).toList();
            Membership membership = context.org().membership(region.account().accountId());
            List<String> unplaced = region.region().functions().stream()
                    .flatMap(f -> QualifiedFunction.of(context, f).stream()).flatMap(t -> unplaced(context, t, membership)).toList();
            return Stream.concat(
                    unread.isEmpty() ? Stream.empty() : Stream.of(cannotJudge(region.account().accountId(),
                            region.region().region(), "not read: " + Details.list(unread, 3))),
                    unplaced.isEmpty() ? Stream.empty() : Stream.of(cannotJudge(region.account().accountId(),
                            region.region().region(), OrgView.NOT_KNOWN + Details.list(unplaced, 3))));
        }).toList();
    }

    /**
     * What of {@code target} this rule leaves unjudged because the organisation is not known (an account it cannot
     * tell ours from foreign), described; nothing by default.
     */
    protected Stream<String> unplaced(RuleContext context, QualifiedFunction target, Membership membership) {
        return Stream.empty();
    }

    /** What this rule reads that was not collected for the function, its aliases or versions, described. */
    private Stream<String> unread(RuleContext context, LambdaFunction function) {
        Stream<String> aliases = reads().contains(LambdaFunction.Part.QUALIFIERS) && !function.collected(LambdaFunction.Part.QUALIFIERS)
                ? Stream.of("aliases of " + Details.quote(function.name())) : Stream.empty();
        return Stream.concat(aliases, QualifiedFunction.of(context, function).stream().flatMap(target -> Stream.concat(
                reads().contains(LambdaFunction.Part.RESOURCE_POLICY) && target.policy().isEmpty()
                        ? Stream.of("policy of " + Details.quote(target.name())) : Stream.empty(),
                reads().contains(LambdaFunction.Part.URL) && !target.urlCollected()
                        ? Stream.of("URL of " + Details.quote(target.name())) : Stream.empty())));
    }
}
