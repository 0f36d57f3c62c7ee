package io.lambdaguardrails.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.sink.LatestManifest;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ProcessOutput;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged CLI's {@code scan} on moto, stopped by a real signal at a moment the test chooses: the fault proxy
 * holds one call (a member's ListFunctions, or the PUT of a report into the run folder) until the signal has been
 * received, so the outcome does not depend on how fast the machine is. Whatever the moment, {@code latest/} keeps
 * naming the last complete run with that run's copies, the rendered reports leave the temporary folder, and the
 * exit code is 128 plus the signal's number.
 */
@ExtendWith(MotoExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScanSignalIT {

    private static final Path CLI = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String BUCKET = "signal-reports";
    private static final String PREFIX = "guardrails";
    private static final Duration WAIT = Duration.ofMinutes(2);

    static List<String> members;
    static FaultProxy proxy;
    static S3Client s3;
    static ScanHarness harness;
    /** Every object under the prefix after the complete run, by key. */
    static Map<String, String> completeRun;
    static String completeRunId;

    @TempDir
    Path tmp;

    @BeforeAll
    static void publishACompleteRun(MotoServer moto, @TempDir Path home) throws Exception {
        members = FaultScenario.seed(moto, 2);
        harness = new ScanHarness(moto.endpoint());
        s3 = harness.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
        s3.createBucket(b -> b.bucket(BUCKET));
        proxy = new FaultProxy(moto.endpoint());
        Process scan = start(home);
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = ProcessOutput.collect(scan, output);
        assertThat(scan.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        reader.join(Duration.ofSeconds(10));
        assertThat(scan.exitValue()).as("the complete run:%n%s", String.join("\n", output)).isIn(0, 3);
        completeRun = objects();
        completeRunId = manifestRunId();
        assertThat(completeRun).containsKeys(PREFIX + "/latest/findings.json", PREFIX + "/latest/findings.csv",
                PREFIX + "/latest/report.html");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        s3.close();
        harness.close();
    }

    @BeforeEach
    void clean() {
        proxy.clearFaults();
    }

    @Test
    void sigtermDuringTheScanAbandonsItAndLeavesLatestAlone() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Fault stalled = Fault.on("lambda", "ListFunctions", members.get(1)).inRegion(REGION).heldUntil(release);
        proxy.inject(stalled);

        Stopped stopped = stopWhen(() -> stalled.hits() > 0, "TERM", release);

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(143);
        assertThat(stopped.output()).contains("stopped by SIGTERM before publishing");
        assertThat(objects()).as("nothing written, latest/ untouched").isEqualTo(completeRun);
        assertThat(manifestRunId()).isEqualTo(completeRunId);
        assertThat(leftInTemp()).isEmpty();
    }

    @Test
    void sigintWhilePublishingFinishesTheReportBeingWrittenAndStopsBeforeLatest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // The run folder is written before latest/, JSON, then CSV, then HTML: this holds the run folder's CSV.
        Fault stalled = Fault.on("s3", "PutObject").forResource("/findings.csv").times(1).heldUntil(release);
        proxy.inject(stalled);

        Stopped stopped = stopWhen(() -> stalled.hits() > 0, "INT", release);

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(130);
        assertThat(stopped.output()).contains("stopped by SIGINT while publishing");
        Map<String, String> now = objects();
        Map<String, String> added = new TreeMap<>(now);
        added.keySet().removeAll(completeRun.keySet());
        assertThat(added.keySet()).as("the report being written was finished, the next never started")
                .hasSize(2).allMatch(key -> key.startsWith(PREFIX + "/runs/"))
                .anyMatch(key -> key.endsWith("/findings.json")).anyMatch(key -> key.endsWith("/findings.csv"));
        assertThat(now).as("latest/ is the complete run's, unchanged")
                .containsAllEntriesOf(completeRun);
        assertThat(manifestRunId()).isEqualTo(completeRunId);
        assertThat(leftInTemp()).as("the rendered reports are gone from the temporary folder").isEmpty();
    }

    private record Stopped(int exitCode, String output) {
    }

    /** Starts a scan, sends SIG{@code signal} once {@code ready}, and lets the held call go once it was received. */
    private Stopped stopWhen(BooleanSupplier ready, String signal, CountDownLatch release) throws Exception {
        Process scan = start(tmp);
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = ProcessOutput.collect(scan, output);
        try {
            await(scan, output, ready, "the held call");
            new ProcessBuilder("kill", "-" + signal, Long.toString(scan.pid())).inheritIO().start().waitFor();
            await(scan, output, () -> output.stream().anyMatch(l -> l.contains("SIG" + signal + ": stopping")),
                    "the signal to be received");
            release.countDown();
            assertThat(scan.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("exits after the signal").isTrue();
            reader.join(Duration.ofSeconds(10));
            return new Stopped(scan.exitValue(), String.join("\n", output));
        } finally {
            release.countDown();
            scan.destroyForcibly();
        }
    }

    private static void await(Process scan, List<String> output, BooleanSupplier condition, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(scan.isAlive() && Instant.now().isBefore(deadline))
                    .as("waiting for %s:%n%s", what, String.join("\n", output)).isTrue();
            Thread.sleep(20);
        }
    }

    /** The scanner's own temporary files and folders, in the temporary folder it was given. */
    private List<Path> leftInTemp() throws IOException {
        try (Stream<Path> entries = Files.list(tmp.resolve("java-tmp"))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("lambda-guardrails")).toList();
        }
    }

    private static Process start(Path dir) throws IOException {
        Path javaTmp = Files.createDirectories(dir.resolve("java-tmp"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + javaTmp, "-jar",
                CLI.toString(), "scan", "--org", "--regions", REGION, "--endpoint-url", proxy.endpoint().toString(),
                "--region", REGION, "--max-attempts", "2", "--output", "s3://" + BUCKET + "/" + PREFIX)
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", REGION, "LG_FINGERPRINT_KEY", "signal-test-fingerprint-key", "HOME", dir.toString()));
        return builder.start();
    }


    /** Every object under the prefix, by key, with its ETag: what a reader of the bucket would see. */
    private static Map<String, String> objects() {
        Map<String, String> objects = new TreeMap<>();
        s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX + "/")).contents()
                .forEach((S3Object o) -> objects.put(o.key(), o.eTag()));
        objects.remove(PREFIX + "/.lambda-guardrails-write-check");
        return objects;
    }

    /** The run {@code latest/manifest.json} names. */
    private static String manifestRunId() throws IOException {
        return new ObjectMapper().readTree(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(PREFIX + "/" + LatestManifest.KEY))
                .asByteArray()).path("runId").asText();
    }
}
