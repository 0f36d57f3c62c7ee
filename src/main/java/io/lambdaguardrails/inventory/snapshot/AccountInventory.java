package io.lambdaguardrails.inventory.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One scanned account. {@code evaluable} is false when the account could not be entered (role not assumable):
 * then nothing is collected, {@code regions} is empty and no rule is evaluated for it. IAM or the trails given as
 * null are not collected (and read as empty).
 */
public record AccountInventory(
        String accountId,
        String accountName,
        boolean evaluable,
        Instant startedAt,
        Instant finishedAt,
        IamInventory iam,
        List<AuditPosture.Trail> trails,
        List<RegionInventory> regions,
        Set<Part> notCollected) {

    public enum Part {
        IAM, TRAILS
    }

    public AccountInventory {
        var missing = NotCollected.start(Part.class, notCollected);
        if (iam == null) {
            missing.add(Part.IAM);
            iam = new IamInventory(List.of(), List.of(), List.of());
        }
        trails = NotCollected.list(trails, Part.TRAILS, missing);
        regions = List.copyOf(regions);
        notCollected = NotCollected.done(missing);
    }

    /** IAM and the trails as read, or null where they could not be. */
    public AccountInventory(String accountId, String accountName, boolean evaluable, Instant startedAt,
                            Instant finishedAt, IamInventory iam, List<AuditPosture.Trail> trails,
                            List<RegionInventory> regions) {
        this(accountId, accountName, evaluable, startedAt, finishedAt, iam, trails, regions, Set.of());
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }
}
