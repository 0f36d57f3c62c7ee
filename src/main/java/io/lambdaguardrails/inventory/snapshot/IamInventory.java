package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The account's roles and the documents of every managed policy attached to them
 * (customer-managed ones from the account, AWS-managed ones fetched once per run).
 * {@code policyValidations} is null unless Access Analyzer policy validation was collected (an opt-in rule needs it).
 */
public record IamInventory(List<IamRole> roles, List<ManagedPolicy> managedPolicies,
                           List<PolicyValidation> policyValidations) {

    public IamInventory {
        roles = List.copyOf(roles);
        managedPolicies = List.copyOf(managedPolicies);
        policyValidations = policyValidations == null ? null : List.copyOf(policyValidations);
    }

    /** Without policy validation data. */
    public IamInventory(List<IamRole> roles, List<ManagedPolicy> managedPolicies) {
        this(roles, managedPolicies, null);
    }

    public Optional<IamRole> role(String arn) {
        return roles.stream().filter(r -> r.arn().equals(arn)).findFirst();
    }

    public Optional<ManagedPolicy> managedPolicy(String arn) {
        return managedPolicies.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    public Optional<PolicyValidation> validation(String document) {
        if (policyValidations == null) {
            return Optional.empty();
        }
        String hash = PolicyValidation.hashOf(document);
        return policyValidations.stream().filter(v -> v.documentHash().equals(hash)).findFirst();
    }
}
