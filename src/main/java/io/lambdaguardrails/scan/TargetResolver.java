package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.OrgContext;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a request into the accounts to scan: explicit ids, discovered ACTIVE accounts of the organisation or of
 * some OUs (recursively), filtered by account tags and exclusions, then the shard. Without any selector, the
 * caller's own account.
 */
public final class TargetResolver {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private TargetResolver() {
    }

    /**
     * Rejects malformed input before any AWS call, so usage errors exit 2 with a clear message. The shard comes first:
     * other checks (the run id a shard needs) make no sense for a shard that cannot exist.
     */
    public static void validate(ScanRequest request) {
        if (request.shard() != null) {
            try {
                Shard.parse(request.shard());
            } catch (IllegalArgumentException e) {
                throw new ScanException("--shard: " + e.getMessage());
            }
        }
        RegionNames.validate(request.regions());
        requireConcurrency(request.maxConcurrentAccounts());
        if (request.accountTimeout().compareTo(ScanRequest.MIN_ACCOUNT_TIMEOUT) < 0
                || request.accountTimeout().compareTo(ScanRequest.MAX_ACCOUNT_TIMEOUT) > 0) {
            throw new ScanException("--account-timeout must be between 1s and 24h (e.g. 10m), got "
                    + request.accountTimeout().toMillis() + "ms");
        }
        for (List<String> ids : List.of(request.accounts(), request.excludeAccounts())) {
            for (String id : ids) {
                if (!ACCOUNT_ID.matcher(id).matches()) {
                    throw new ScanException("'" + id + "' is not an AWS account id (12 digits)");
                }
            }
        }
        for (String ou : request.ous()) {
            if (!ou.matches("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32}")) {
                throw new ScanException("'" + ou + "' is not an organisational unit id (ou-xxxx-yyyyyyyy) or root id (r-xxxx)");
            }
        }
        if (request.roleArnTemplate() != null && !request.roleArnTemplate().contains("{accountId}")) {
            throw new ScanException("--role-arn-template must contain {accountId}, e.g. arn:aws:iam::{accountId}:role/Audit");
        }
    }

    /** Called by the command line before a request exists too, where 0 would otherwise read as "the default". */
    public static void requireConcurrency(int maxConcurrentAccounts) {
        if (maxConcurrentAccounts < 1 || maxConcurrentAccounts > ScanRequest.MAX_CONCURRENT_ACCOUNTS) {
            throw new ScanException("--max-concurrent-accounts must be between 1 and " + ScanRequest.MAX_CONCURRENT_ACCOUNTS
                    + ", got " + maxConcurrentAccounts);
        }
    }

    /**
     * Sorted, distinct account ids. {@code org} is null when Organizations could not be read: then no account is
     * discovered and none can be shown to carry the asked tags — the coverage of the failed read says why, and the
     * run ends incomplete rather than as a usage error.
     *
     * @throws ScanException when, in an organisation that could be read, an OU or account id names nothing, or
     *                       nothing is left to scan: an empty report would look like a clean organisation
     */
    public static List<String> resolve(ScanRequest request, OrgContext org, String callerAccountId) {
        Set<String> targets = new LinkedHashSet<>(request.accounts());
        if (org != null) {
            requireMembers(request.accounts(), org, "--accounts");
            requireMembers(request.excludeAccounts(), org, "--exclude-accounts");
        }
        if (request.discovers()) {
            for (String ou : org == null ? List.<String>of() : request.ous()) {
                if (org.accounts().stream().noneMatch(a -> a.path().contains(ou))) {
                    throw new ScanException("--ou " + ou + ": no account of organisation " + org.organizationId()
                            + " is under it (it does not exist or is empty); list OUs with "
                            + "'aws organizations list-organizational-units-for-parent'");
                }
            }
            for (OrgAccount a : org == null ? List.<OrgAccount>of() : org.accounts()) {
                boolean inScope = request.org() || request.ous().stream().anyMatch(a.path()::contains);
                if (a.status().scanned() && inScope) {
                    targets.add(a.id());
                }
            }
        } else if (targets.isEmpty()) {
            targets.add(callerAccountId);
        }
        if (!request.accountTags().isEmpty()) {
            targets.removeIf(id -> org == null || org.account(id).map(a -> !hasTags(a.tags(), request.accountTags())).orElse(true));
        }
        targets.removeAll(request.excludeAccounts());
        if (targets.isEmpty() && org != null) {
            throw new ScanException("no account left to scan: the targets (" + describe(request)
                    + ") select no ACTIVE account of the organisation");
        }
        List<String> sorted = targets.stream().sorted().toList();
        return request.shard() == null ? sorted : Shard.parse(request.shard()).select(sorted);
    }

    /** Only an organisation that could be read is checked; without one, the ids are taken as given. */
    private static void requireMembers(List<String> ids, OrgContext org, String option) {
        if (!org.available()) {
            return;
        }
        List<String> strangers = ids.stream().filter(id -> org.account(id).isEmpty()).toList();
        if (!strangers.isEmpty()) {
            throw new ScanException(option + ": " + String.join(", ", strangers) + " "
                    + (strangers.size() == 1 ? "is not an account" : "are not accounts") + " of organisation "
                    + org.organizationId());
        }
    }

    private static String describe(ScanRequest request) {
        List<String> parts = new java.util.ArrayList<>();
        if (request.org()) {
            parts.add("--org");
        }
        if (!request.ous().isEmpty()) {
            parts.add("--ou " + String.join(",", request.ous()));
        }
        if (!request.accounts().isEmpty()) {
            parts.add("--accounts " + String.join(",", request.accounts()));
        }
        request.accountTags().forEach((k, v) -> parts.add("--account-tag " + k + "=" + v));
        if (!request.excludeAccounts().isEmpty()) {
            parts.add("--exclude-accounts " + String.join(",", request.excludeAccounts()));
        }
        return String.join(" ", parts);
    }

    private static boolean hasTags(Map<String, String> tags, Map<String, String> required) {
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
