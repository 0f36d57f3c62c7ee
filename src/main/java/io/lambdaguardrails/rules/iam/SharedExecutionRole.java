package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** LG-IAM-001: more than one function of the account (in any region) runs with the same execution role. */
public final class SharedExecutionRole extends Rule {

    public static final RuleMeta META = new RuleMeta(
            "LG-IAM-001",
            "Execution role is shared by several functions",
            Family.IAM, Severity.MEDIUM, true,
            "Functions that share an execution role share its permissions: each one can do what any of them needs, so "
                    + "a flaw in one exposes the resources of all. A role per function keeps each grant to what that "
                    + "function uses and makes the role's activity attributable.",
            "Give each function its own role (aws iam create-role ...; aws lambda update-function-configuration "
                    + "--function-name FN --role ROLE_ARN), e.g. one AWS::IAM::Role or SAM Policies block per function.",
            List.of("https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"),
            List.of());

    private static final int MAX_NAMED = 5, MAX_RELATED = 20;

    public SharedExecutionRole() {
        super(META);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        Map<String, List<FunctionScope>> byRole = context.functions()
                .filter(s -> s.function().roleArn() != null)
                .collect(Collectors.groupingBy(s -> s.account().accountId() + " " + s.function().roleArn(),
                        LinkedHashMap::new, Collectors.toList()));
        return byRole.values().stream()
                .filter(sharing -> sharing.size() > 1)
                .flatMap(sharing -> sharing.stream().map(scope -> violation(scope, sharing)))
                .toList();
    }

    private static Violation violation(FunctionScope scope, List<FunctionScope> sharing) {
        List<FunctionScope> others = sharing.stream().filter(s -> s != scope).toList();
        String roleArn = scope.function().roleArn();
        List<String> related = new ArrayList<>(List.of(roleArn));
        others.stream().limit(MAX_RELATED).forEach(s -> related.add(s.function().arn()));
        List<String> names = others.stream()
                .map(s -> Details.quote(s.function().name()) + " (" + s.region().region() + ")").toList();
        return scope.violation("role " + Details.quote(roleArn.substring(roleArn.lastIndexOf('/') + 1))
                + " is also the execution role of " + others.size() + " other function(s): "
                + Details.list(names, MAX_NAMED), related);
    }
}
