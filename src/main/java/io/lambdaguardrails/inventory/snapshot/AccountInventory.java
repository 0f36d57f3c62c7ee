package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * One scanned account. {@code evaluable} is false when the account could not be entered (role not assumable):
 * then {@code iam} is null, {@code regions} is empty and no rule is evaluated for it.
 */
public record AccountInventory(
        String accountId,
        String accountName,
        boolean evaluable,
        Instant startedAt,
        Instant finishedAt,
        IamInventory iam,
        List<RegionInventory> regions) {

    public AccountInventory {
        regions = List.copyOf(regions);
    }
}
