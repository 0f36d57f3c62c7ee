package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.ExecutionRole;
import io.lambdaguardrails.rules.support.UnreadRoleData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * LG-IAM-009: the function or its execution role lacks a tag of {@code tags.required} (a blank value counts as
 * missing). Evaluates nothing while {@code tags.required} is empty.
 */
public final class MissingRequiredTags extends FunctionRule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-009",
            "Function or execution role lacks required tags",
            Family.IAM, Severity.LOW, true,
            "Attribute-based access control grants by tags: policies compare a principal's tags with a resource's. "
                    + "A function or role without the organisation's tags falls outside those policies and cannot "
                    + "be attributed to an owner or a data classification.",
            "Tag both (aws lambda tag-resource --resource FUNCTION_ARN --tags owner=TEAM; aws iam tag-role "
                    + "--role-name ROLE --tags Key=owner,Value=TEAM), and enforce the keys with an Organizations tag "
                    + "policy or aws:RequestTag conditions.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/attribute-based-access-control.html",
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_tag-policies.html"),
            List.of("AWS Config REQUIRED_TAGS"));

    public MissingRequiredTags() {
        super(META, LambdaFunction.Part.TAGS, AccountInventory.Part.IAM);
    }

    /** Per region, functions whose tags were not read, and functions whose role is not in IAM: those parts are not judged. */
    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        if (context.settings().tags().required().isEmpty()) {
            return List.of();
        }
        Stream<NotEvaluated> functionTags = context.regions().flatMap(region -> {
            List<String> unread = region.region().functions().stream().filter(f -> !f.collected(LambdaFunction.Part.TAGS))
                    .map(f -> "tags of function " + Details.quote(f.name())).toList();
            return unread.isEmpty() ? Stream.empty() : Stream.of(cannotJudge(region.account().accountId(),
                    region.region().region(), "not read: " + Details.list(unread, 3)));
        });
        Stream<NotEvaluated> roles = UnreadRoleData.forEveryRole(context, role -> List.of()).stream()
                .map(gap -> cannotJudge(gap.accountId(), gap.region(), gap.reason()));
        return Stream.concat(functionTags, roles).toList();
    }

    @Override
    protected Optional<Violation> check(RuleContext context, FunctionScope scope) {
        List<String> required = context.settings().tags().required();
        if (required.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<String> related = new ArrayList<>();
        LambdaFunction function = scope.function();
        if (function.collected(LambdaFunction.Part.TAGS)) {
            List<String> missing = missing(function.tags(), required);
            if (!missing.isEmpty()) {
                parts.add("function lacks " + String.join(", ", missing));
            }
        }
        ExecutionRole.of(scope).ifPresent(role -> {
            List<String> missing = missing(role.role().tags(), required);
            if (!missing.isEmpty()) {
                parts.add(role.label() + " lacks " + String.join(", ", missing));
                related.add(role.role().arn());
            }
        });
        return parts.isEmpty() ? Optional.empty() : Optional.of(scope.violation(String.join("; ", parts), related));
    }

    private static List<String> missing(Map<String, String> tags, List<String> required) {
        return required.stream().filter(k -> tags.get(k) == null || tags.get(k).isBlank()).map(Details::safe).toList();
    }
}
