package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.inventory.snapshot.PolicyValidation.Issue;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LG-AUD-007: Access Analyzer policy validation reports errors or security warnings on an execution role's inline or
 * customer-managed policies. One finding per role; documents without validation data are not judged.
 */
public final class PolicyValidationIssues extends Rule {

    /** Only these are problems; a type this version does not know (UNKNOWN) is not taken for one. */
    private static final Set<Issue.FindingType> REPORTED_TYPES = Set.of(Issue.FindingType.ERROR,
            Issue.FindingType.SECURITY_WARNING);

    public static final RuleMeta META = new RuleMeta("LG-AUD-007",
            "Policy validation reports security warnings or errors on an execution role", Family.AUDIT,
            Severity.MEDIUM, false,
            "IAM Access Analyzer's policy checks catch grammar errors that silently disable a statement and "
                    + "security warnings such as iam:PassRole with a wildcard resource or overly broad trust. On an "
                    + "execution role they mean the function may hold permissions nobody intended. Off by default: "
                    + "it needs one ValidatePolicy call per distinct document.",
            "Fix the statements the checks point at, validating before deployment: aws accessanalyzer "
                    + "validate-policy --policy-type IDENTITY_POLICY --policy-document file://policy.json "
                    + "(or the CloudFormation policy validator in the pipeline).",
            List.of("https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-validation.html",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"),
            List.of());

    public PolicyValidationIssues() {
        super(META, AccountInventory.Part.IAM, IamInventory.Part.POLICY_VALIDATIONS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        context.accounts()
                .filter(a -> a.collected(AccountInventory.Part.IAM) && a.iam().collected(IamInventory.Part.POLICY_VALIDATIONS))
                .forEach(account -> executionRoles(account).forEach((roleArn, functions) ->
                        account.iam().role(roleArn).flatMap(role -> check(account, role, functions))
                                .ifPresent(violations::add)));
        return violations;
    }

    private static Map<String, TreeSet<String>> executionRoles(AccountInventory account) {
        Map<String, TreeSet<String>> byRole = new TreeMap<>();
        account.regions().forEach(r -> r.functions().forEach(f ->
                byRole.computeIfAbsent(f.roleArn(), k -> new TreeSet<>()).add(f.arn())));
        return byRole;
    }

    private static Optional<Violation> check(AccountInventory account, IamRole role, Set<String> functions) {
        IamInventory iam = account.iam();
        List<String> problems = new ArrayList<>();
        role.inlinePolicies().forEach(p -> issues(iam, p.document())
                .ifPresent(issues -> problems.add("inline policy " + p.name() + ": " + issues)));
        role.attachedPolicyArns().stream()
                .map(iam::managedPolicy)
                .flatMap(Optional::stream)
                .filter(p -> !p.awsManaged())
                .forEach(p -> issues(iam, p.document()).ifPresent(issues -> problems.add(p.arn() + ": " + issues)));
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(account.accountId(), Coverage.GLOBAL, "AWS::IAM::Role", role.arn(),
                role.name(), List.copyOf(functions), "Policy validation on execution role " + role.name() + ": "
                + String.join("; ", problems) + "."));
    }

    private static Optional<String> issues(IamInventory iam, String document) {
        return iam.validation(document)
                .map(v -> v.issues().stream()
                        .filter(i -> REPORTED_TYPES.contains(i.findingType()))
                        .map(i -> i.findingType() + " " + i.issueCode())
                        .distinct()
                        .toList())
                .filter(list -> !list.isEmpty())
                .map(list -> String.join(", ", list));
    }
}
