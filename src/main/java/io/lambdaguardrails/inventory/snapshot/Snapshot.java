package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * Everything one scan collected: the organisation, each account's inventory and what could not be read.
 * {@code principal} is the ARN the scan ran as.
 */
public record Snapshot(
        int schemaVersion,
        String runId,
        Instant collectedAt,
        String callerAccountId,
        String principal,
        OrgContext org,
        List<AccountInventory> accounts,
        List<Coverage> coverage) {

    /** 2: parts not collected are enum sets on each record, lists are never null, AWS enum values are enums. */
    public static final int SCHEMA_VERSION = 2;

    public Snapshot {
        accounts = List.copyOf(accounts);
        coverage = List.copyOf(coverage);
    }
}
