package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account's roles and the documents of every managed policy attached to them
 * (customer-managed ones from the account, AWS-managed ones fetched once per run).
 * Policy validations are collected only when Access Analyzer policy validation was read (an opt-in rule needs it).
 */
public record IamInventory(List<IamRole> roles, List<ManagedPolicy> managedPolicies,
                           List<PolicyValidation> policyValidations, Set<Part> notCollected) {

    public enum Part {
        POLICY_VALIDATIONS
    }

    public IamInventory {
        roles = List.copyOf(roles);
        managedPolicies = List.copyOf(managedPolicies);
        var missing = NotCollected.start(Part.class, notCollected);
        policyValidations = NotCollected.list(policyValidations, Part.POLICY_VALIDATIONS, missing);
        notCollected = NotCollected.done(missing);
    }

    /** With policy validations as read, or null where they were not. */
    public IamInventory(List<IamRole> roles, List<ManagedPolicy> managedPolicies,
                        List<PolicyValidation> policyValidations) {
        this(roles, managedPolicies, policyValidations, Set.of());
    }

    /** Without policy validation data. */
    public IamInventory(List<IamRole> roles, List<ManagedPolicy> managedPolicies) {
        this(roles, managedPolicies, null);
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }

    public Optional<IamRole> role(String arn) {
        return roles.stream().filter(r -> r.arn().equals(arn)).findFirst();
    }

    public Optional<ManagedPolicy> managedPolicy(String arn) {
        return managedPolicies.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    public Optional<PolicyValidation> validation(String document) {
        String hash = PolicyValidation.hashOf(document);
        return policyValidations.stream().filter(v -> v.documentHash().equals(hash)).findFirst();
    }
}
