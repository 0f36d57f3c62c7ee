package io.lambdaguardrails.scan;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A member account whose role cannot be assumed is one ACCESS_DENIED entry; the others are scanned in full. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class AccessDeniedScanTest {

    @Test
    void deniedAccountBecomesCoverageWhileOthersComplete(MotoServer moto) {
        List<SeededAccount> members;
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            members = List.of(org.account("a", org.rootId(), Map.of()), org.account("b", org.rootId(), Map.of()),
                    org.account("c", org.rootId(), Map.of()));
            for (SeededAccount m : members) {
                m.function("us-east-1", "fn", m.role("fn-role", Map.of(), List.of()), "python3.12", f -> f);
            }
        }
        String denied = members.get(1).id();
        try (FaultProxy proxy = new FaultProxy(moto.endpoint()).inject(Fault.denyAssumeRole(denied));
             ScanHarness harness = new ScanHarness(proxy.endpoint())) {
            Snapshot snapshot = harness.scan(ScanRequest.builder().org().regions("us-east-1").build());

            AccountInventory deniedAccount = snapshot.accounts().stream().filter(a -> a.accountId().equals(denied)).findFirst().orElseThrow();
            assertThat(deniedAccount.evaluable()).isFalse();
            assertThat(deniedAccount.regions()).isEmpty();
            assertThat(snapshot.coverage()).filteredOn(c -> c.accountId().equals(denied))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(CoverageStatus.ACCESS_DENIED);
                        assertThat(c.api()).isEqualTo("sts:AssumeRole");
                        assertThat(c.region()).isEqualTo(Coverage.GLOBAL);
                    });
            for (String other : List.of(members.get(0).id(), members.get(2).id())) {
                AccountInventory account = snapshot.accounts().stream().filter(a -> a.accountId().equals(other)).findFirst().orElseThrow();
                assertThat(account.evaluable()).isTrue();
                assertThat(account.regions().getFirst().functions()).hasSize(1);
                assertThat(snapshot.coverage()).filteredOn(c -> c.accountId().equals(other))
                        .noneMatch(c -> c.status().incomplete());
            }
        }
    }
}
