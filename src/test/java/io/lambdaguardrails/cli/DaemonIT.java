package io.lambdaguardrails.cli;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.AccountCollector;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ProcessOutput;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged CLI's daemon on moto, stopped with a real SIGTERM: it scans on its schedule, one run at a time, logs
 * each run, and when stopped during a run starts no further account, publishes that run's partial result and exits.
 * Lambda calls are slowed down so that a run is surely in progress when the signal arrives.
 */
@ExtendWith(MotoExtension.class)
class DaemonIT {

    private static final Path CLI = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String BUCKET = "daemon-reports";

    static ScanHarness harness;
    static FaultProxy proxy;
    static S3Client s3;

    @BeforeAll
    static void seed(MotoServer moto) {
        harness = new ScanHarness(moto.endpoint());
        try (SeededOrganization org = harness.createOrganization()) {
            for (String name : List.of("daemon-a", "daemon-b", "daemon-c")) {
                SeededAccount account = org.account(name, org.rootId(), Map.of());
                String role = account.role("fn-role", Map.of(), List.of());
                account.function("us-east-1", "nightly", role, "python3.12", f -> f);
            }
        }
        s3 = harness.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
        s3.createBucket(b -> b.bucket(BUCKET));
        proxy = new FaultProxy(moto.endpoint());
        proxy.inject(Fault.on("lambda", "ListFunctions").latency(Duration.ofMillis(800)));
    }

    @AfterAll
    static void close() {
        proxy.close();
        s3.close();
        harness.close();
    }

    @Test
    void scansOnScheduleOneRunAtATimeAndPublishesTheRunInProgressOnSigterm(@TempDir Path home) throws Exception {
        assertThat(CLI).as("the packaged CLI (mvn package)").exists();
        List<String> log = new CopyOnWriteArrayList<>();
        Process daemon = start(home);
        Thread reader = ProcessOutput.collect(daemon, log);
        try {
            awaitLine(daemon, log, "daemon: scheduled run 3 started", Duration.ofSeconds(120));
            // SIGTERM through the process handle: Process.destroy() would also close our end of its output.
            daemon.toHandle().destroy();
            assertThat(daemon.waitFor(90, TimeUnit.SECONDS)).as("the daemon exits after SIGTERM").isTrue();
            reader.join(Duration.ofSeconds(10));
        } finally {
            daemon.destroyForcibly();
        }

        String output = String.join("\n", log);
        assertThat(output).contains("daemon: scanning every 1s", "daemon: scheduled run 1 finished: run ",
                "daemon: scheduled run 2 finished: run ", "daemon: stopping; the run in progress",
                "daemon: scheduled run 3 finished: run ", "daemon: stopped after 3 run(s)");
        List<ScanResult> runs = publishedRuns();
        assertThat(runs).hasSize(3).extracting(ScanResult::runId).doesNotHaveDuplicates();
        for (int i = 1; i < runs.size(); i++) {
            Instant previousEnd = runs.get(i - 1).finishedAt();
            assertThat(runs.get(i).startedAt()).as("run %d starts after run %d ended", i + 1, i).isAfterOrEqualTo(previousEnd);
        }
        assertThat(runs.get(0).coverage()).noneMatch(c -> c.status().incomplete());
        assertThat(runs.get(2).coverage()).as("the stopped run recorded the accounts it did not start")
                .anyMatch(c -> c.status() == CoverageStatus.TIMEOUT && c.api().equals(AccountCollector.DEADLINE_API));
    }

    private static Process start(Path home) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-jar", CLI.toString(), "daemon",
                "--every", "1s", "--org", "--regions", "us-east-1", "--max-concurrent-accounts", "1",
                "--endpoint-url", proxy.endpoint().toString(), "--region", "us-east-1", "--max-attempts", "2",
                "--output", "s3://" + BUCKET + "/guardrails", "--format", "json").redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", "us-east-1", "LG_FINGERPRINT_KEY", "daemon-test-fingerprint-key", "HOME", home.toString()));
        return builder.start();
    }


    private static void awaitLine(Process daemon, List<String> log, String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (log.stream().noneMatch(line -> line.contains(text))) {
            assertThat(daemon.isAlive() && Instant.now().isBefore(deadline))
                    .as("waiting for '%s' in:%n%s", text, String.join("\n", log)).isTrue();
            Thread.sleep(50);
        }
    }

    private static List<ScanResult> publishedRuns() {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("guardrails/runs/")).contents().stream()
                .map(S3Object::key).filter(key -> key.endsWith("/findings.json"))
                .map(key -> FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray()))
                .sorted(Comparator.comparing(ScanResult::startedAt)).toList();
    }
}
