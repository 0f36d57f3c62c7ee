package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** A function's execution role with the account's IAM inventory, from which its permission documents are read. */
public record ExecutionRole(IamRole role, IamInventory iam) {

    /** The role, when IAM was read and the role is in it. */
    public static Optional<ExecutionRole> of(FunctionScope scope) {
        if (!scope.account().collected(AccountInventory.Part.IAM) || scope.function().roleArn() == null) {
            return Optional.empty();
        }
        IamInventory iam = scope.account().iam();
        return iam.role(scope.function().roleArn()).map(role -> new ExecutionRole(role, iam));
    }

    public String label() {
        return "role " + Details.quote(role.name());
    }

    /**
     * A finding on the function about its role: the detail starts with the role's label, which {@code detail}
     * continues ({@code " has no permissions boundary"}), and relates the role's ARN.
     */
    public Violation violation(FunctionScope scope, String detail) {
        return scope.violation(label() + detail, List.of(role.arn()));
    }
}
