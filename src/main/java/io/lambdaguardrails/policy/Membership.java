package io.lambdaguardrails.policy;

import java.util.Set;

/**
 * Tells our accounts and organisation from foreign ones, for a policy of {@code ownAccount}. When {@code known} is
 * false only the own account is recognised and everything else is {@link Ownership#UNKNOWN}; an organisation id is
 * judged only when {@code organizationId} is set.
 */
public record Membership(String ownAccount, boolean known, Set<String> accounts, String organizationId) {

    public Membership {
        accounts = Set.copyOf(accounts);
    }

    public Ownership account(String accountId) {
        if (accountId.equals(ownAccount)) {
            return Ownership.OWN;
        }
        if (!known) {
            return Ownership.UNKNOWN;
        }
        return accounts.contains(accountId) ? Ownership.OURS : Ownership.FOREIGN;
    }

    public Ownership organization(String orgId) {
        if (organizationId == null) {
            return Ownership.UNKNOWN;
        }
        return organizationId.equals(orgId) ? Ownership.OURS : Ownership.FOREIGN;
    }
}
