package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Severity;

import java.util.List;

/**
 * What a rule reports about one resource; the engine turns it into a {@link io.lambdaguardrails.findings.Finding}
 * with the account's name, OU path, owner, stable id and waivers applied. A rule reports a resource at most once;
 * {@code severity} overrides the rule's default when the rule grades its findings (null otherwise).
 */
public record Violation(
        String accountId,
        String region,
        String resourceType,
        String resourceArn,
        String resourceName,
        List<String> related,
        String detail,
        Severity severity) {

    public Violation {
        related = List.copyOf(related);
    }

    /** A violation at the rule's default severity. */
    public Violation(String accountId, String region, String resourceType, String resourceArn, String resourceName,
                     List<String> related, String detail) {
        this(accountId, region, resourceType, resourceArn, resourceName, related, detail, null);
    }

    public Violation withSeverity(Severity graded) {
        return new Violation(accountId, region, resourceType, resourceArn, resourceName, related, detail, graded);
    }
}
