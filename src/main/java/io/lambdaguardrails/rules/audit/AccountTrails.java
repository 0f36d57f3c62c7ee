package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.rules.support.AccountResource;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The CloudTrail trails that apply to each account: those it lists, each taken from the account that owns it (where
 * its status and selectors were read), plus the organisation trails read in another scanned account. {@code known}
 * is false when the account's trails could not be listed and no organisation trail covers it.
 */
record AccountTrails(AccountInventory account, boolean known, List<Trail> trails) {

    AccountTrails {
        trails = List.copyOf(trails);
    }

    static List<AccountTrails> of(RuleContext context) {
        List<AccountInventory> accounts = context.accounts().toList();
        Map<String, Trail> ownersCopy = new LinkedHashMap<>();
        accounts.forEach(a -> owned(a).forEach(t -> ownersCopy.put(t.arn(), t)));
        List<Trail> organisationTrails = ownersCopy.values().stream().filter(Trail::organizationTrail).toList();
        List<AccountTrails> result = new ArrayList<>();
        for (AccountInventory account : accounts) {
            Map<String, Trail> trails = new LinkedHashMap<>();
            account.trails().forEach(t -> trails.put(t.arn(), ownersCopy.getOrDefault(t.arn(), t)));
            boolean member = context.org().inside(account.accountId());
            if (member) {
                organisationTrails.forEach(t -> trails.putIfAbsent(t.arn(), t));
            }
            boolean known = account.collected(AccountInventory.Part.TRAILS) || (member && !organisationTrails.isEmpty());
            result.add(new AccountTrails(account, known, List.copyOf(trails.values())));
        }
        return result;
    }

    /** The accounts whose trails are known and none of which {@code qualifies}. */
    static Stream<AccountTrails> withoutTrail(RuleContext context, Predicate<Trail> qualifies) {
        return of(context).stream().filter(a -> a.known() && a.trails().stream().noneMatch(qualifies));
    }

    /** A finding on the account that relates every trail applying to it. */
    Violation violation(String detail) {
        return AccountResource.global(account, detail, trails.stream().map(Trail::arn).toList());
    }

    /** The trails the account itself owns: the only copies whose status was read. */
    static List<Trail> owned(AccountInventory account) {
        return account.trails().stream().filter(t -> owner(t, account.accountId()).equals(account.accountId())).toList();
    }

    /** The account that owns a trail, from its ARN ({@code arn:aws:cloudtrail:REGION:ACCOUNT:trail/NAME}). */
    static String owner(Trail trail, String listingAccount) {
        String[] parts = trail.arn() == null ? new String[0] : trail.arn().split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : listingAccount;
    }
}
