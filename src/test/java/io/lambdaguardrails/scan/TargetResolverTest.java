package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery takes the ACTIVE accounts of the organisation and those in a state it does not know (a failed role
 * assumption then shows as a gap); suspended, activating and closing accounts have no role to assume.
 */
class TargetResolverTest {

    private static final String CALLER = "111111111111";

    @Test
    void discoveryLeavesOutSuspendedActivatingAndClosingAccountsButTriesUnknownOnes() {
        OrgContext org = new OrgContext(true, "o-test", CALLER, List.of(
                account(CALLER, OrgAccount.Status.ACTIVE),
                account("222222222222", OrgAccount.Status.SUSPENDED),
                account("333333333333", OrgAccount.Status.of("PENDING_CLOSURE")),
                account("444444444444", OrgAccount.Status.of("PENDING_ACTIVATION")),
                account("666666666666", OrgAccount.Status.of("DORMANT")),
                account("555555555555", OrgAccount.Status.of("Active"))), List.of(), List.of());

        assertThat(org.account("666666666666").orElseThrow().status()).isEqualTo(OrgAccount.Status.UNKNOWN);
        assertThat(TargetResolver.resolve(ScanRequest.builder().org().build(), org, CALLER))
                .containsExactly(CALLER, "555555555555", "666666666666");
    }

    private static OrgAccount account(String id, OrgAccount.Status status) {
        return new OrgAccount(id, "acct-" + id, status, List.of("r-root", id), "Root", Map.of());
    }
}
