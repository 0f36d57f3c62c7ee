package io.lambdaguardrails.rules;

import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.policy.Membership;

import java.util.HashSet;
import java.util.Set;

/**
 * Who is "inside the organisation": the accounts Organizations listed, or, when it could not be read, the scanned
 * accounts plus {@code org.trustedAccounts}. {@code known} is false when neither source exists; rules about
 * foreign accounts are then not evaluated.
 */
public record OrgView(boolean known, String organizationId, String managementAccountId, Set<String> accountIds) {

    /** Why a rule about foreign accounts did not judge a scope, before the first few things it left unjudged. */
    public static final String NOT_KNOWN = "organisation not known (Organizations not read, no org.trustedAccounts): not judged: ";

    public OrgView {
        accountIds = Set.copyOf(accountIds);
    }

    public static OrgView of(Snapshot snapshot, Settings settings) {
        var org = snapshot.org();
        Set<String> ids = new HashSet<>();
        org.accounts().stream().map(OrgAccount::id).forEach(ids::add);
        if (org.available()) {
            return new OrgView(true, org.organizationId(), org.managementAccountId(), ids);
        }
        ids.addAll(settings.org().trustedAccounts());
        return new OrgView(!settings.org().trustedAccounts().isEmpty(), null, null, ids);
    }

    public boolean inside(String accountId) {
        return accountIds.contains(accountId);
    }

    /** Our accounts and organisation as seen by a policy of {@code ownAccount}, for the policy analyser. */
    public Membership membership(String ownAccount) {
        return new Membership(ownAccount, known, accountIds, organizationId);
    }
}
