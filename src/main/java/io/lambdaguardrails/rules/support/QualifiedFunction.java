package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function, or one of its aliases or versions, as a resource of its own: what invoking its ARN is authorised by.
 *
 * @param qualifier    the alias or version; empty for the unqualified function
 * @param policy       the parsed resource policy (an empty document when there is none); empty when it was not
 *                     collected or does not parse — rules then say nothing about this resource's policy
 * @param urlCollected whether the URL config was read; {@code url} is null when there is none
 */
public record QualifiedFunction(String qualifier, String arn, String name, Optional<PolicyDocument> policy,
                                boolean urlCollected, LambdaFunction.FunctionUrl url) {

    /** The unqualified function first, then each alias and version read (none when they were not collected). */
    public static List<QualifiedFunction> of(RuleContext context, LambdaFunction function) {
        List<QualifiedFunction> all = new ArrayList<>();
        all.add(new QualifiedFunction("", function.arn(), function.name(),
                policy(context, function.collected(LambdaFunction.Part.RESOURCE_POLICY), function.resourcePolicy()),
                function.collected(LambdaFunction.Part.URL), function.url()));
        for (LambdaFunction.Qualifier q : function.qualifiers()) {
            all.add(new QualifiedFunction(q.name(), q.arn(function.arn()), function.name() + ":" + q.name(),
                    policy(context, q.collected(LambdaFunction.Qualifier.Part.RESOURCE_POLICY), q.resourcePolicy()),
                    q.collected(LambdaFunction.Qualifier.Part.URL), q.url()));
        }
        return all;
    }

    /** The URL, when it was read and exists. */
    public Optional<LambdaFunction.FunctionUrl> readUrl() {
        return urlCollected ? Optional.ofNullable(url) : Optional.empty();
    }

    /** A finding on this resource: the qualified ARN and name ({@code fn:live}) for an alias or version. */
    public Violation violation(FunctionScope scope, String detail, List<String> related) {
        return new Violation(scope.account().accountId(), scope.region().region(), "AWS::Lambda::Function", arn, name,
                related, detail);
    }

    private static Optional<PolicyDocument> policy(RuleContext context, boolean collected, String json) {
        if (!collected) {
            return Optional.empty();
        }
        return json == null ? Optional.of(new PolicyDocument(List.of())) : context.policy(json);
    }
}
