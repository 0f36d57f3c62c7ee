package io.lambdaguardrails.faults;

import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --save-inventory} is an extra: failing to write it is a warning and exit 4, and the reports still go out. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class InventorySaveFaultTest {

    @TempDir
    Path dir;

    @Test
    void anUnwritableInventoryPathStillPublishesTheReports(MotoServer moto) throws IOException {
        FaultScenario.seed(moto, 1);
        Path occupied = Files.writeString(dir.resolve("occupied"), "a file where a folder is needed");
        Path inventory = occupied.resolve("inventory.json");
        Path out = dir.resolve("out");

        JobOutcome outcome;
        try (ScanHarness harness = new ScanHarness(moto.endpoint())) {
            outcome = new ScanJob(harness.scanner(), Clock.systemUTC(), ScanResult.Tool.current(), S3Access.unavailable("local only"))
                    .run(ScanRequest.builder().org().regions(FaultScenario.REGION).build(),
                            new JobOptions(out.toString(), null, inventory), ScanListener.NONE, ScanDeadline.none());
        }

        assertThat(outcome.status()).isEqualTo(ExitStatus.NOT_DELIVERED);
        assertThat(outcome.report().delivered()).as("the reports reached the output").isTrue();
        assertThat(outcome.report().warnings()).anySatisfy(w -> assertThat(w).contains("inventory", inventory.toString()));
        ScanResult published = FindingsJson.read(Files.readAllBytes(out.resolve("latest/findings.json")));
        assertThat(published.runId()).isEqualTo(outcome.result().runId());
        assertThat(published.findings()).isNotEmpty();
        assertThat(inventory).doesNotExist();
    }
}
