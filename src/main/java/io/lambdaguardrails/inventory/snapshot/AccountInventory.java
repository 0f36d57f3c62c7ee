package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;

/**
 * One scanned account. {@code evaluable} is false when the account could not be entered (role not assumable):
 * then {@code iam} is null, {@code regions} is empty and no rule is evaluated for it. {@code iam} and
 * {@code trails} are null when they could not be read.
 */
public record AccountInventory(
        String accountId,
        String accountName,
        boolean evaluable,
        Instant startedAt,
        Instant finishedAt,
        IamInventory iam,
        List<AuditPosture.Trail> trails,
        List<RegionInventory> regions) {

    public AccountInventory {
        trails = trails == null ? null : List.copyOf(trails);
        regions = List.copyOf(regions);
    }
}
