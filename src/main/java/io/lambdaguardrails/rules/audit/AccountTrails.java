package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.rules.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CloudTrail trails that apply to each account: its own, each taken once from its home region when that region
 * was scanned (elsewhere a trail is only a shadow with partial status), plus organisation trails read in another
 * scanned account of the organisation. {@code known} is false when no trail list of the account could be read.
 */
record AccountTrails(AccountInventory account, boolean known, List<Trail> trails) {

    AccountTrails {
        trails = List.copyOf(trails);
    }

    static List<AccountTrails> of(RuleContext context) {
        List<AccountInventory> accounts = context.accounts().toList();
        Map<String, Trail> bestCopy = new LinkedHashMap<>();
        accounts.forEach(a -> listedCopies(a).forEach(copy -> keepBest(bestCopy, copy)));
        List<Trail> organisationTrails = bestCopy.values().stream().filter(Trail::organizationTrail).toList();
        List<AccountTrails> result = new ArrayList<>();
        for (AccountInventory account : accounts) {
            Map<String, Trail> trails = new LinkedHashMap<>();
            listedCopies(account).forEach(copy -> trails.put(copy.trail().arn(), bestCopy.get(copy.trail().arn())));
            boolean member = context.org().inside(account.accountId());
            if (member) {
                organisationTrails.forEach(t -> trails.putIfAbsent(t.arn(), t));
            }
            boolean ownListRead = account.regions().stream()
                    .anyMatch(r -> r.audit() != null && r.audit().trails() != null);
            boolean known = ownListRead || (member && !organisationTrails.isEmpty());
            result.add(new AccountTrails(account, known, List.copyOf(trails.values())));
        }
        return result;
    }

    /** Each trail the account lists, once: the copy read in its home region when there is one. */
    static List<Trail> distinctTrails(AccountInventory account) {
        Map<String, Trail> byArn = new LinkedHashMap<>();
        listedCopies(account).forEach(copy -> keepBest(byArn, copy));
        return List.copyOf(byArn.values());
    }

    private record Copy(Trail trail, boolean home) {
    }

    private static List<Copy> listedCopies(AccountInventory account) {
        List<Copy> copies = new ArrayList<>();
        for (RegionInventory region : account.regions()) {
            if (region.audit() != null && region.audit().trails() != null) {
                region.audit().trails().forEach(t -> copies.add(new Copy(t, Objects.equals(t.homeRegion(), region.region()))));
            }
        }
        return copies;
    }

    /** A copy read in the trail's home region wins: elsewhere a trail is a shadow with partial status. */
    private static void keepBest(Map<String, Trail> byArn, Copy copy) {
        if (copy.home() || !byArn.containsKey(copy.trail().arn())) {
            byArn.put(copy.trail().arn(), copy.trail());
        }
    }

    /** The account that owns a trail, from its ARN ({@code arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME}). */
    static String owner(Trail trail, String listingAccount) {
        String[] parts = trail.arn() == null ? new String[0] : trail.arn().split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : listingAccount;
    }
}
