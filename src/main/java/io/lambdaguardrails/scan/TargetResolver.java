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

    /** Rejects malformed input before any AWS call, so usage errors exit 2 with a clear message. */
    public static void validate(ScanRequest request) {
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
        if (request.shard() != null) {
            try {
                Shard.parse(request.shard());
            } catch (IllegalArgumentException e) {
                throw new ScanException(e.getMessage());
            }
        }
        if (request.roleArnTemplate() != null && !request.roleArnTemplate().contains("{accountId}")) {
            throw new ScanException("--role-arn-template must contain {accountId}, e.g. arn:aws:iam::{accountId}:role/Audit");
        }
    }

    /**
     * Sorted, distinct account ids. {@code org} is null when Organizations could not be read: then no account is
     * discovered and none can be shown to carry the asked tags — the coverage of the failed read says why, and the
     * run ends incomplete rather than as a usage error.
     */
    public static List<String> resolve(ScanRequest request, OrgContext org, String callerAccountId) {
        Set<String> targets = new LinkedHashSet<>(request.accounts());
        if (request.discovers()) {
            for (OrgAccount a : org == null ? List.<OrgAccount>of() : org.accounts()) {
                boolean active = "ACTIVE".equals(a.status());
                boolean inScope = request.org() || request.ous().stream().anyMatch(a.path()::contains);
                if (active && inScope) {
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
        List<String> sorted = targets.stream().sorted().toList();
        return request.shard() == null ? sorted : Shard.parse(request.shard()).select(sorted);
    }

    private static boolean hasTags(Map<String, String> tags, Map<String, String> required) {
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
    }
}
