package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The account's roles and the documents of every managed policy attached to them
 * (customer-managed ones from the account, AWS-managed ones fetched once per run).
 */
public record IamInventory(List<IamRole> roles, List<ManagedPolicy> managedPolicies) {

    public IamInventory {
        roles = List.copyOf(roles);
        managedPolicies = List.copyOf(managedPolicies);
    }

    public Optional<IamRole> role(String arn) {
        return roles.stream().filter(r -> r.arn().equals(arn)).findFirst();
    }

    public Optional<ManagedPolicy> managedPolicy(String arn) {
        return managedPolicies.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }
}
