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
        List<Trail> organisationTrails = accounts.stream()
                .flatMap(a -> distinctTrails(a).stream())
                .filter(Trail::organizationTrail)
                .toList();
        List<AccountTrails> result = new ArrayList<>();
        for (AccountInventory account : accounts) {
            Map<String, Trail> trails = new LinkedHashMap<>();
            distinctTrails(account).forEach(t -> trails.put(t.arn(), t));
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
        for (RegionInventory region : account.regions()) {
            if (region.audit() == null || region.audit().trails() == null) {
                continue;
            }
            for (Trail trail : region.audit().trails()) {
                boolean home = Objects.equals(trail.homeRegion(), region.region());
                if (home || !byArn.containsKey(trail.arn())) {
                    byArn.put(trail.arn(), trail);
                }
            }
        }
        return List.copyOf(byArn.values());
    }

    /** The account that owns a trail, from its ARN ({@code arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME}). */
    static String owner(Trail trail, String listingAccount) {
        String[] parts = trail.arn() == null ? new String[0] : trail.arn().split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : listingAccount;
    }
}
