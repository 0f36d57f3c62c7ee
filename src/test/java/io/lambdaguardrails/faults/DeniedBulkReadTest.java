package io.lambdaguardrails.faults;

import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.Fault.AwsError;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member role without {@code tag:GetResources} (deployed before tags were read in bulk) costs calls, not data:
 * each function's tags are read on their own, and the scan is as complete as with the bulk read.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class DeniedBulkReadTest {

    @Test
    void aDeniedTaggingApiFallsBackToPerFunctionTags(MotoServer moto) {
        List<String> members = FaultScenario.seed(moto, 2);
        ScanRequest request = ScanRequest.builder().accounts(members.toArray(String[]::new)).regions(REGION).build();
        try (FaultProxy proxy = new FaultProxy(moto.endpoint()); ScanHarness harness = new ScanHarness(proxy.endpoint())) {
            Snapshot bulk = harness.scan(request);
            assertThat(proxy.counts()).containsEntry("tagging:GetResources", 2).doesNotContainKey("lambda:ListTags");

            proxy.resetCounts();
            Fault denied = Fault.on("tagging", "GetResources").error(AwsError.accessDenied("tagging"));
            proxy.inject(denied);
            Snapshot perFunction = harness.scan(request);

            assertThat(denied.hits()).isEqualTo(2);
            assertThat(proxy.counts()).containsEntry("lambda:ListTags", 6);
            assertThat(FaultScenario.gaps(perFunction)).isEmpty();
            assertThat(FaultScenario.untimed(perFunction)).isEqualTo(FaultScenario.untimed(bulk));
            assertThat(FaultScenario.findings(perFunction)).isEqualTo(FaultScenario.findings(bulk));
        }
    }
}
