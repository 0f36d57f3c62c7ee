package io.lambdaguardrails.report;

import java.time.LocalDate;

/** A finding of the baseline run that this run no longer reports. */
public record ResolvedFinding(String findingId, String ruleId, String accountId, String region, String resourceArn,
                              String resourceName, String detail, LocalDate firstSeen) {
}
