package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's state is read from Organizations' newer {@code State} field first, its older {@code Status} second. */
class OrgAccountStatusTest {

    @Test
    void theNewerStateWinsOverTheOlderStatus() {
        Account closed = Account.builder().id("222222222222").status("ACTIVE").state("CLOSED").build();
        Account activating = Account.builder().id("333333333333").state("PENDING_ACTIVATION").build();

        assertThat(OrgCollector.status(closed)).isEqualTo(OrgAccount.Status.CLOSED);
        assertThat(OrgCollector.status(activating)).isEqualTo(OrgAccount.Status.PENDING_ACTIVATION);
    }

    @Test
    void aResponseWithOnlyTheOlderStatusStillNamesTheAccountsState() {
        assertThat(OrgCollector.status(Account.builder().id("444444444444").status("ACTIVE").build()))
                .isEqualTo(OrgAccount.Status.ACTIVE);
        assertThat(OrgCollector.status(Account.builder().id("555555555555").status("SUSPENDED").build()))
                .isEqualTo(OrgAccount.Status.SUSPENDED);
    }

    @Test
    void aValueOrganizationsAddsLaterIsUnknownAndNeitherFieldMeansUnknown() {
        assertThat(OrgCollector.status(Account.builder().id("666666666666").state("DORMANT").build()))
                .isEqualTo(OrgAccount.Status.UNKNOWN);
        assertThat(OrgCollector.status(Account.builder().id("777777777777").build()))
                .isEqualTo(OrgAccount.Status.UNKNOWN);
    }
}
