package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.support.AccountResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The CloudTrail trails that apply to each account: those it lists, each taken from the account that owns it (where
 * its status and selectors were read), plus the organisation trails read in another scanned account. A trail whose
 * owner's reading is missing keeps only what the listing shows, and {@code unread} says why the rest is unknown.
 * {@code known} is false when the account's trails could not be listed and no organisation trail covers it.
 */
record AccountTrails(AccountInventory account, boolean known, List<Trail> trails, Map<String, String> unread) {

    AccountTrails {
        trails = List.copyOf(trails);
        unread = Map.copyOf(unread);
    }

    static List<AccountTrails> of(RuleContext context) {
        List<AccountInventory> accounts = context.accounts().toList();
        Map<String, AccountInventory> everyAccount = new LinkedHashMap<>();
        context.snapshot().accounts().forEach(a -> everyAccount.put(a.accountId(), a));
        Map<String, Trail> ownersCopy = new LinkedHashMap<>();
        accounts.forEach(a -> owned(a).forEach(t -> ownersCopy.put(t.arn(), t)));
        List<Trail> organisationTrails = ownersCopy.values().stream().filter(Trail::organizationTrail).toList();
        List<AccountTrails> result = new ArrayList<>();
        for (AccountInventory account : accounts) {
            Map<String, Trail> trails = new LinkedHashMap<>();
            Map<String, String> unread = new LinkedHashMap<>();
            for (Trail listed : account.trails()) {
                String owner = owner(listed, account.accountId());
                Trail trail = owner.equals(account.accountId()) ? listed
                        : ownersCopy.getOrDefault(listed.arn(), listed.unread());
                trails.put(trail.arn(), trail);
                if (trail.isLogging() == null || trail.managementEvents() == null || trail.lambdaDataEvents() == null) {
                    unread.put(trail.arn(), whyUnread(owner, account.accountId(), ownersCopy.containsKey(trail.arn()),
                            everyAccount.get(owner)));
                }
            }
            boolean member = context.org().inside(account.accountId());
            if (member) {
                organisationTrails.forEach(t -> trails.putIfAbsent(t.arn(), t));
            }
            boolean known = account.collected(AccountInventory.Part.TRAILS) || (member && !organisationTrails.isEmpty());
            result.add(new AccountTrails(account, known, List.copyOf(trails.values()), unread));
        }
        return result;
    }

    private static String whyUnread(String owner, String listingAccount, boolean readByOwner, AccountInventory ownerAccount) {
        if (owner.equals(listingAccount) || readByOwner) {
            return "its status or event selectors could not be read" + (owner.equals(listingAccount) ? "" : " in account " + owner + ", which owns it");
        }
        if (ownerAccount == null) {
            return "it is owned by account " + owner + ", which this scan did not cover";
        }
        if (!ownerAccount.evaluable()) {
            return "it is owned by account " + owner + ", which this scan could not enter";
        }
        return "it is owned by account " + owner + ", whose trails could not be read";
    }

    /**
     * The accounts whose trails are known and none of which qualifies, nor might: {@code qualifies} answers null for
     * a trail whose relevant parts were not read.
     */
    static Stream<AccountTrails> failing(RuleContext context, Function<Trail, Boolean> qualifies) {
        return withoutQualifyingTrail(context, qualifies).filter(a -> a.trails().stream().noneMatch(t -> qualifies.apply(t) == null));
    }

    /**
     * The accounts whose trails are known and none of which qualifies, but one that was not read might: why each
     * could not be judged, given what a qualifying trail would record.
     */
    static Stream<Undecided> undecided(RuleContext context, Function<Trail, Boolean> qualifies, String records) {
        return withoutQualifyingTrail(context, qualifies)
                .filter(a -> a.trails().stream().anyMatch(t -> qualifies.apply(t) == null))
                .map(a -> new Undecided(a.account().accountId(), "No trail is known to record " + records
                        + ", and whether these do is unknown: " + a.whyUndecided(qualifies)));
    }

    record Undecided(String accountId, String reason) {
    }

    private static Stream<AccountTrails> withoutQualifyingTrail(RuleContext context, Function<Trail, Boolean> qualifies) {
        return of(context).stream()
                .filter(a -> a.known() && a.trails().stream().noneMatch(t -> Boolean.TRUE.equals(qualifies.apply(t))));
    }

    /** Each trail that might qualify, and why that is unknown. */
    private String whyUndecided(Function<Trail, Boolean> qualifies) {
        return String.join("; ", trails.stream().filter(t -> qualifies.apply(t) == null)
                .map(t -> "trail " + t.name() + " (" + t.arn() + "): "
                        + Objects.requireNonNullElse(unread.get(t.arn()), "its status or event selectors could not be read"))
                .toList()) + ".";
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
