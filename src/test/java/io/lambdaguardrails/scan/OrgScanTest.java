package io.lambdaguardrails.scan;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoOrganisation;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation of three members in two OUs, two regions each, discovered and scanned on moto. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class OrgScanTest {

    @RegisterExtension
    static final MotoOrganisation MOTO = new MotoOrganisation();
    static ScanHarness harness;
    static SeededOrganization org;
    static String prodOu;
    static List<SeededAccount> members;

    @BeforeAll
    static void seed() {
        harness = MOTO.harness();
        org = MOTO.org();
        prodOu = org.organizationalUnit(org.rootId(), "Prod");
        String payments = org.organizationalUnit(prodOu, "Payments");
        String devOu = org.organizationalUnit(org.rootId(), "Dev");
        members = List.of(
                org.account("prod-web", prodOu, Map.of("env", "prod")),
                org.account("prod-payments", payments, Map.of("env", "prod")),
                org.account("dev-sandbox", devOu, Map.of("env", "dev")));
        for (SeededAccount account : members) {
            String role = account.role("fn-role", Map.of(), List.of());
            for (String region : List.of("us-east-1", "eu-west-1")) {
                account.function(region, "orders-" + region, role, "python3.12", f -> f);
            }
        }
    }

    @Test
    void discoversEveryActiveAccountAndScansThemInParallel() {
        Snapshot snapshot = harness.scan(ScanRequest.builder().org().regions("us-east-1", "eu-west-1").build());

        List<String> memberIds = members.stream().map(SeededAccount::id).toList();
        assertThat(snapshot.accounts()).extracting(AccountInventory::accountId)
                .containsAll(memberIds).contains(org.management().id());
        for (String id : memberIds) {
            AccountInventory account = account(snapshot, id);
            assertThat(account.evaluable()).isTrue();
            assertThat(account.regions()).extracting(RegionInventory::region).containsExactly("us-east-1", "eu-west-1");
            assertThat(account.regions()).allSatisfy(r -> assertThat(r.functions()).hasSize(1));
        }
        // Every member's collection overlapped another's in time: they ran concurrently, not one after another.
        List<AccountInventory> scanned = memberIds.stream().map(id -> account(snapshot, id)).toList();
        for (AccountInventory a : scanned) {
            assertThat(scanned).filteredOn(b -> b != a)
                    .anySatisfy(b -> assertThat(a.startedAt()).isBefore(b.finishedAt()));
            assertThat(scanned).filteredOn(b -> b != a)
                    .anySatisfy(b -> assertThat(b.startedAt()).isBefore(a.finishedAt()));
        }
        assertThat(snapshot.coverage()).filteredOn(c -> c.status().incomplete()).isEmpty();
    }

    @Test
    void oneClientPerServiceAndRegionServesEveryAccount() {
        long before = harness.clients().clientsBuilt();
        Snapshot snapshot = harness.scan(ScanRequest.builder().org().regions("us-east-1", "eu-west-1").build());
        long built = harness.clients().clientsBuilt() - before;

        System.out.printf("clients built for %d accounts x 2 regions: %d%n", snapshot.accounts().size(), built);
        assertThat(snapshot.accounts()).hasSize(members.size() + 1).allSatisfy(a -> assertThat(a.evaluable()).isTrue());
        // The caller's STS and Organizations, IAM and CloudTrail (trails are listed in the first region) once, and
        // per region Lambda, tagging, EC2, Signer, Config and Access Analyzer: however many accounts there are.
        assertThat(built).isEqualTo(2 + 2 + 6 * 2);
    }

    @Test
    void ouPathsAndTagsComeFromOrganizations() {
        Snapshot snapshot = harness.scan(ScanRequest.builder().accounts(members.get(1).id()).build());

        var payments = snapshot.org().account(members.get(1).id()).orElseThrow();
        assertThat(payments.ouPath()).isEqualTo("Root/Prod/Payments");
        assertThat(payments.path()).startsWith(org.rootId()).contains(prodOu).endsWith(members.get(1).id());
        assertThat(payments.tags()).containsEntry("env", "prod");
    }

    @Test
    void selectorsChooseExactlyTheirAccounts() {
        var ids = members.stream().map(SeededAccount::id).toList();
        assertThat(scannedIds(ScanRequest.builder().accounts(ids.get(0), ids.get(2)).build()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(scannedIds(ScanRequest.builder().ous(prodOu).build()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(scannedIds(ScanRequest.builder().org().excludeAccounts(ids.get(1), org.management().id()).build()))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(scannedIds(ScanRequest.builder().org().accountTags(Map.of("env", "dev")).build()))
                .containsExactly(ids.get(2));
    }

    @Test
    void regionsSelectExactlyTheirRegions() {
        Snapshot snapshot = harness.scan(ScanRequest.builder().accounts(members.getFirst().id()).regions("eu-west-1").build());

        assertThat(snapshot.accounts().getFirst().regions()).extracting(RegionInventory::region).containsExactly("eu-west-1");
        assertThat(snapshot.coverage()).extracting(Coverage::region).containsOnly("eu-west-1", Coverage.GLOBAL);
    }

    @Test
    void allMeansEveryRegionEnabledInTheAccount() {
        Snapshot snapshot = harness.scan(ScanRequest.builder().accounts(members.getFirst().id()).regions("all").build());

        List<String> regions = snapshot.accounts().getFirst().regions().stream().map(RegionInventory::region).toList();
        assertThat(regions).contains("us-east-1", "eu-west-1", "ap-southeast-2").hasSizeGreaterThan(10);
        assertThat(snapshot.accounts().getFirst().regions()).filteredOn(r -> !r.functions().isEmpty())
                .extracting(RegionInventory::region).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
    }

    @Test
    void unsupportedApisAreRecordedOnceAndDoNotStopTheScan() {
        Snapshot snapshot = harness.scan(ScanRequest.builder().org().regions("us-east-1").build());

        assertThat(snapshot.coverage()).filteredOn(c -> c.api().equals("access-analyzer:ListAnalyzers"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(CoverageStatus.UNSUPPORTED));
        assertThat(snapshot.accounts()).allSatisfy(a -> assertThat(a.regions()).hasSize(1));
    }

    private List<String> scannedIds(ScanRequest request) {
        return harness.scan(request).accounts().stream().map(AccountInventory::accountId).toList();
    }

    private static AccountInventory account(Snapshot snapshot, String id) {
        return snapshot.accounts().stream().filter(a -> a.accountId().equals(id)).findFirst().orElseThrow();
    }
}
