package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An IAM role. {@code lastUsed} is null when the role has never been used (or IAM did not say);
 * {@code serviceLastAccessed} is collected only when access-advisor data was read (an opt-in rule needs it).
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
        List<ServiceAccess> serviceLastAccessed,
        Set<Part> notCollected) {

    public enum Part {
        SERVICE_LAST_ACCESSED
    }

    public IamRole {
        inlinePolicies = List.copyOf(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        tags = Map.copyOf(tags);
        var missing = NotCollected.start(Part.class, notCollected);
        serviceLastAccessed = NotCollected.list(serviceLastAccessed, Part.SERVICE_LAST_ACCESSED, missing);
        notCollected = NotCollected.done(missing);
    }

    /** With access-advisor data as read, or null where it was not. */
    public IamRole(String arn, String name, String path, Instant createDate, String trustPolicy,
                   List<InlinePolicy> inlinePolicies, List<String> attachedPolicyArns, String permissionsBoundaryArn,
                   Instant lastUsed, Map<String, String> tags, List<ServiceAccess> serviceLastAccessed) {
        this(arn, name, path, createDate, trustPolicy, inlinePolicies, attachedPolicyArns, permissionsBoundaryArn,
                lastUsed, tags, serviceLastAccessed, Set.of());
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }

    public record InlinePolicy(String name, String document) {
    }

    /** Access advisor: when the role last used a service namespace ({@code lastAccessed} null: never). */
    public record ServiceAccess(String namespace, Instant lastAccessed) {
    }
}
