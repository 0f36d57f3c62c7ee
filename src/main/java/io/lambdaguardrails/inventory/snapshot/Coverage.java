package io.lambdaguardrails.inventory.snapshot;

/**
 * What one collector could or could not read for an (account, region). {@code region} is {@code global} for IAM and
 * Organizations. Messages are short, come from AWS error codes and never carry collected values.
 */
public record Coverage(String accountId, String region, String collector, String api, CoverageStatus status,
                       String message) {

    public static final String GLOBAL = "global";
}
