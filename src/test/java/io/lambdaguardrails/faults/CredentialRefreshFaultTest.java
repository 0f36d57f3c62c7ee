package io.lambdaguardrails.faults;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member account's session that cannot be refreshed is a failure of that account's credentials, recorded against
 * {@code sts:AssumeRole} — not against whichever API happened to need the fresh credentials.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class CredentialRefreshFaultTest {

    @RegisterExtension
    static final ProxiedScenario SCENARIO = new ProxiedScenario(2);

    @Test
    void aDeniedCredentialRefreshIsRecordedAgainstStsForThatAccount() {
        String refused = SCENARIO.members().get(0);
        // The first session arrives already expired, which the SDK uses for one second and then refreshes; every
        // refresh is denied. The stalled listing makes sure the account's later calls come after that second.
        SCENARIO.proxy().inject(Fault.on("sts", "AssumeRole", refused).times(1)
                .rewrite(body -> body.replaceAll("<Expiration>[^<]+</Expiration>", "<Expiration>2020-01-01T00:00:00Z</Expiration>")));
        SCENARIO.proxy().inject(Fault.denyAssumeRole(refused));
        SCENARIO.proxy().inject(Fault.on("lambda", "ListFunctions", refused).inRegion(REGION).times(1).latency(Duration.ofMillis(1500)));

        Snapshot snapshot;
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            snapshot = harness.scan(ScanRequest.builder().org().regions(REGION).build());
        }

        assertThat(FaultScenario.gaps(snapshot)).isNotEmpty().allSatisfy(gap -> {
            assertThat(gap).extracting(Coverage::accountId, Coverage::region, Coverage::api, Coverage::status)
                    .containsExactly(refused, Coverage.GLOBAL, "sts:AssumeRole", CoverageStatus.ACCESS_DENIED);
            assertThat(gap.message()).startsWith("refreshing the account's credentials: AccessDenied");
        });
        assertThat(FaultScenario.findings(snapshot)).extracting(f -> f.accountId()).contains(SCENARIO.members().get(1));
    }
}
