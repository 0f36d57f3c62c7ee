package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Collects coverage from many threads, one entry per (account, region, collector, API). Per-resource calls are
 * folded into that entry: it keeps the worst outcome and how many calls had it, so a report says
 * "GetPolicy THROTTLED for 3 of 40 functions" instead of forty lines.
 */
public final class CoverageLog {

    private record Key(String accountId, String region, String collector, String api) {
    }

    private static final class Tally {
        CoverageStatus status = CoverageStatus.OK;
        String message = "";
        int calls;
        int failed;
    }

    private final ConcurrentMap<Key, Tally> entries = new ConcurrentHashMap<>();

    public void ok(String accountId, String region, String collector, String api) {
        record(accountId, region, collector, api, CoverageStatus.OK, "");
    }

    public void failed(String accountId, String region, String collector, String api, AwsFailure failure) {
        record(accountId, region, collector, api, failure.status(), failure.message());
    }

    public void record(String accountId, String region, String collector, String api, CoverageStatus status,
                       String message) {
        entries.compute(new Key(accountId, region, collector, api), (k, tally) -> {
            Tally t = tally == null ? new Tally() : tally;
            t.calls++;
            if (status != CoverageStatus.OK) {
                t.failed++;
                if (rank(status) >= rank(t.status)) {
                    t.status = status;
                    t.message = message;
                }
            }
            return t;
        });
    }

    /** Whether anything was recorded as not OK for this account (used to mark an account PARTIAL). */
    public List<Coverage> entries() {
        return entries.entrySet().stream()
                .map(e -> new Coverage(e.getKey().accountId(), e.getKey().region(), e.getKey().collector(),
                        e.getKey().api(), e.getValue().status, describe(e.getValue())))
                .sorted(Comparator.comparing(Coverage::accountId).thenComparing(Coverage::region)
                        .thenComparing(Coverage::collector).thenComparing(Coverage::api))
                .toList();
    }

    private static String describe(Tally t) {
        if (t.status == CoverageStatus.OK) {
            return "";
        }
        return t.calls > 1 ? t.message + " (" + t.failed + " of " + t.calls + " calls)" : t.message;
    }

    /** OK < UNSUPPORTED < the statuses that make coverage incomplete; among those, the last failure wins. */
    private static int rank(CoverageStatus status) {
        return switch (status) {
            case OK -> 0;
            case UNSUPPORTED -> 1;
            default -> 2;
        };
    }
}
