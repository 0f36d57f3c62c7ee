package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One account's line in the report. {@code coverage} is COMPLETE when every collector succeeded (UNSUPPORTED
 * APIs aside) and every rule could judge the account, PARTIAL when some collector did not or some rule could not,
 * NOT_EVALUATED when the account could not be entered.
 */
public record AccountSummary(
        String accountId,
        String accountName,
        String ouPath,
        AccountCoverage coverage,
        List<String> regions,
        int functions,
        Map<Severity, Integer> openFindings,
        Instant startedAt,
        Instant finishedAt) {

    public AccountSummary {
        regions = List.copyOf(regions);
        openFindings = Map.copyOf(openFindings);
    }

    public enum AccountCoverage {
        COMPLETE, PARTIAL, NOT_EVALUATED
    }
}
