package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The organisation as Organizations describes it. {@code available} is false when Organizations could not be read:
 * then {@code accounts} holds only the scanned accounts and "outside the organisation" falls back to configuration.
 * {@code scps} is null when the policies could not be read, so that no rule mistakes "unknown" for "none".
 * {@code analyzerAdministrators} are the delegated administrators of IAM Access Analyzer (ListDelegatedAdministrators
 * for access-analyzer.amazonaws.com), null when they could not be read: with the management account, the only
 * accounts that can own an ORGANIZATION analyzer.
 */
public record OrgContext(
        boolean available,
        String organizationId,
        String managementAccountId,
        List<OrgAccount> accounts,
        List<ServiceControlPolicy> scps,
        List<String> analyzerAdministrators) {

    public static final String ACCESS_ANALYZER_SERVICE = "access-analyzer.amazonaws.com";

    public OrgContext {
        accounts = List.copyOf(accounts);
        scps = scps == null ? null : List.copyOf(scps);
        analyzerAdministrators = analyzerAdministrators == null ? null : List.copyOf(analyzerAdministrators);
    }

    public static OrgContext unavailable(List<OrgAccount> scanned) {
        return new OrgContext(false, null, null, scanned, null, null);
    }

    /**
     * The accounts that may own an ORGANIZATION analyzer: the management account and the delegated administrators
     * (only the management account when those could not be read — see {@link #analyzerAdministrators}).
     */
    public List<String> analyzerOwners() {
        if (!available) {
            return List.of();
        }
        var owners = new java.util.ArrayList<String>();
        if (managementAccountId != null) {
            owners.add(managementAccountId);
        }
        if (analyzerAdministrators != null) {
            analyzerAdministrators.stream().filter(a -> !owners.contains(a)).forEach(owners::add);
        }
        return List.copyOf(owners);
    }

    public Optional<OrgAccount> account(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }
}
