package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;

/** Everything one scan collected: the organisation, each account's inventory and what could not be read. */
public record Snapshot(
        int schemaVersion,
        String runId,
        Instant collectedAt,
        String callerAccountId,
        OrgContext org,
        List<AccountInventory> accounts,
        List<Coverage> coverage) {

    public static final int SCHEMA_VERSION = 1;

    public Snapshot {
        accounts = List.copyOf(accounts);
        coverage = List.copyOf(coverage);
    }
}
