package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

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

    /** Whether any part of the account was cut off by a deadline. */
    public boolean timedOut(String accountId) {
        return entries.entrySet().stream().anyMatch(e -> e.getKey().accountId().equals(accountId)
                && e.getValue().status == CoverageStatus.TIMEOUT);
    }

    /**
     * Every entry, sorted. An operation that answered "not implemented" in one place but was read in the same region
     * elsewhere in the run is not an endpoint's gap: there it is an ERROR, which makes coverage incomplete.
     */
    public List<Coverage> entries() {
        Set<String> readSomewhere = entries.entrySet().stream()
                .filter(e -> e.getValue().calls > e.getValue().failed)
                .map(e -> e.getKey().region() + " " + e.getKey().api())
                .collect(Collectors.toSet());
        return entries.entrySet().stream()
                .map(e -> {
                    Key k = e.getKey();
                    Tally t = e.getValue();
                    if (t.status == CoverageStatus.UNSUPPORTED && readSomewhere.contains(k.region() + " " + k.api())) {
                        return new Coverage(k.accountId(), k.region(), k.collector(), k.api(), CoverageStatus.ERROR,
                                describe(t) + ", though it answered elsewhere in this run");
                    }
                    return new Coverage(k.accountId(), k.region(), k.collector(), k.api(), t.status, describe(t));
                })
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
