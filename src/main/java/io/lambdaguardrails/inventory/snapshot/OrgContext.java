package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * The organisation as Organizations describes it. {@code available} is false when Organizations could not be read:
 * then {@code accounts} holds only the scanned accounts and "outside the organisation" falls back to configuration.
 * {@code scps} is null when the policies could not be read, so that no rule mistakes "unknown" for "none".
 */
public record OrgContext(
        boolean available,
        String organizationId,
        String managementAccountId,
        List<OrgAccount> accounts,
        List<ServiceControlPolicy> scps) {

    public OrgContext {
        accounts = List.copyOf(accounts);
        scps = scps == null ? null : List.copyOf(scps);
    }

    public static OrgContext unavailable(List<OrgAccount> scanned) {
        return new OrgContext(false, null, null, scanned, null);
    }

    public Optional<OrgAccount> account(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }
}
