package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Severity;

import java.time.LocalDate;

/**
 * A finding of the baseline run that this run no longer reports. {@code severity} is the baseline's; null in results
 * written before it was recorded.
 */
public record ResolvedFinding(String findingId, String ruleId, String accountId, String region, String resourceArn,
                              String resourceName, String detail, LocalDate firstSeen, Severity severity) {

    /** A resolved finding whose severity is not known. */
    public ResolvedFinding(String findingId, String ruleId, String accountId, String region, String resourceArn,
                           String resourceName, String detail, LocalDate firstSeen) {
        this(findingId, ruleId, accountId, region, resourceArn, resourceName, detail, firstSeen, null);
    }
}
