package io.lambdaguardrails.rules.iam;

import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.PolicyParseException;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A function's execution role with the account's IAM inventory, from which its permission documents are read. */
record ExecutionRole(IamRole role, IamInventory iam) {

    /** The role, when IAM was read and the role is in it. */
    static Optional<ExecutionRole> of(FunctionScope scope) {
        IamInventory iam = scope.account().iam();
        if (iam == null || scope.function().roleArn() == null) {
            return Optional.empty();
        }
        return iam.role(scope.function().roleArn()).map(role -> new ExecutionRole(role, iam));
    }

    String label() {
        return "role " + Details.quote(role.name());
    }

    /**
     * The inline and attached managed policies that could be read and parsed. An attached policy whose document
     * was not collected, or a document that does not parse, is left out: rules judge the evidence they have.
     */
    List<Labelled> policies() {
        List<Labelled> policies = new ArrayList<>();
        role.inlinePolicies().forEach(p -> parse(p.document())
                .ifPresent(d -> policies.add(new Labelled("inline policy " + Details.quote(p.name()), "", d))));
        role.attachedPolicyArns().forEach(arn -> iam.managedPolicy(arn).ifPresent(p -> parse(p.document())
                .ifPresent(d -> policies.add(new Labelled("managed policy " + Details.quote(p.name()), arn, d)))));
        return policies;
    }

    /** A permission document, how a finding names it and its ARN (empty for an inline policy). */
    record Labelled(String label, String arn, PolicyDocument document) {
    }

    static Optional<PolicyDocument> parse(String json) {
        try {
            return Optional.of(PolicyDocument.parse(json));
        } catch (PolicyParseException e) {
            return Optional.empty();
        }
    }
}
