package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role. {@code lastUsed} is null when the role has never been used (or IAM did not say);
 * {@code serviceLastAccessed} is null unless access-advisor data was collected (an opt-in rule needs it).
 */
public record IamRole(
        String arn,
        String name,
        String path,
        Instant createDate,
        String trustPolicy,
        List<InlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns,
        String permissionsBoundaryArn,
        Instant lastUsed,
        Map<String, String> tags,
        List<ServiceAccess> serviceLastAccessed) {

    public IamRole {
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        tags = Map.copyOf(tags);
        serviceLastAccessed = serviceLastAccessed == null ? null : List.copyOf(serviceLastAccessed);
    }

    public record InlinePolicy(String name, String document) {
    }

    /** Access advisor: when the role last used a service namespace ({@code lastAccessed} null: never). */
    public record ServiceAccess(String namespace, Instant lastAccessed) {
    }
}
