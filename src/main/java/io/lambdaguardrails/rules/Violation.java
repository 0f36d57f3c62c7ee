package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Severity;

import java.util.List;

/**
 * What a rule reports about one resource; the engine turns it into a {@link io.lambdaguardrails.findings.Finding}
 * with the account's name, OU path, owner, stable id and waivers applied. {@code discriminator} separates distinct
 * violations of one rule on one resource (empty when there is one); {@code severity} overrides the rule's
 * default when the rule grades its findings (null otherwise).
 */
public record Violation(
        String accountId,
        String region,
        String resourceType,
        String resourceArn,
        String resourceName,
        List<String> related,
        String detail,
        String discriminator,
        Severity severity) {

    public Violation {
        related = List.copyOf(related);
        discriminator = discriminator == null ? "" : discriminator;
    }

    public Violation withSeverity(Severity graded) {
        return new Violation(accountId, region, resourceType, resourceArn, resourceName, related, detail,
                discriminator, graded);
    }

    public Violation withDiscriminator(String distinct) {
        return new Violation(accountId, region, resourceType, resourceArn, resourceName, related, detail, distinct,
                severity);
    }
}
