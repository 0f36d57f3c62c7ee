package io.lambdaguardrails.faults;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.Parallel;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200-account organisation scanned end to end: every account is read, platform threads stay few while hundreds of
 * accounts are in flight, and once the client factory is closed no thread, file or socket of the scan remains.
 */
@Tag("moto")
class ScaleLeakTest {

    static final int MEMBERS = 200;
    static final int WITH_FUNCTIONS_EVERY = 10;

    @Test
    void twoHundredAccountsLeaveNoThreadsOrConnectionsBehind() throws Exception {
        MotoServer moto = MotoServer.lean();
        moto.reset();
        int functions = seed(moto);
        ScanRequest request = ScanRequest.builder().org().regions(REGION).build();
        try (ScanHarness warmUp = new ScanHarness(moto.endpoint())) {
            // Loads classes, starts the virtual-thread carriers and the SDK's shared daemons before the baseline.
            warmUp.scan(ScanRequest.builder().regions(REGION).build());
        }
        Resources before = Resources.now();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();

        Instant start = Instant.now();
        Snapshot snapshot;
        try (ScanHarness harness = new ScanHarness(moto.endpoint())) {
            snapshot = harness.scan(request);
        }
        Duration took = Duration.between(start, Instant.now());
        int peakThreads = threads.getPeakThreadCount();
        Resources after = Resources.settled(before);
        System.out.printf("%d accounts, %d functions in %s; platform threads %d before, peak %d, %d after; "
                        + "open files %d before, %d after (sockets %d, %d)%n", MEMBERS + 1, functions, took,
                before.threads(), peakThreads, after.threads(), before.files(), after.files(), before.sockets(), after.sockets());

        assertThat(snapshot.accounts()).hasSize(MEMBERS + 1).allMatch(AccountInventory::evaluable);
        assertThat(FaultScenario.gaps(snapshot)).isEmpty();
        assertThat(snapshot.accounts().stream().mapToInt(a -> a.regions().getFirst().functions().size()).sum()).isEqualTo(functions);
        assertThat(took).isLessThan(Duration.ofMinutes(3));
        assertThat(peakThreads - before.threads()).as("platform threads added at the peak").isLessThan(64);
        assertThat(after.threads()).as("platform threads").isLessThanOrEqualTo(before.threads());
        assertThat(after.sockets()).as("open sockets").isLessThanOrEqualTo(before.sockets());
        assertThat(after.files()).as("open files").isLessThanOrEqualTo(before.files());
    }

    /** Accounts through Organizations (each gets its access role); a function in every tenth. */
    private static int seed(MotoServer moto) {
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            List<Integer> created = Parallel.map(IntStream.range(0, MEMBERS).boxed().toList(), i -> {
                SeededAccount account = org.account(String.format("scale-%03d", i), org.rootId(), Map.of());
                if (i % WITH_FUNCTIONS_EVERY != 0) {
                    return 0;
                }
                String role = account.role("fn-role", Map.of(), List.of());
                account.function(REGION, "fn", role, "python3.12", f -> f);
                return 1;
            });
            return created.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Live platform threads and open file descriptors of this JVM (sockets among them). */
    record Resources(int threads, long files, long sockets) {

        static Resources now() throws IOException {
            long sockets;
            long files;
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                List<String> targets = fds.map(ScaleLeakTest::target).toList();
                files = targets.size();
                sockets = targets.stream().filter(t -> t.startsWith("socket:")).count();
            }
            return new Resources(ManagementFactory.getThreadMXBean().getThreadCount(), files, sockets);
        }

        /** Waits a little for closing threads and sockets to finish closing, then measures. */
        static Resources settled(Resources baseline) throws IOException, InterruptedException {
            Resources current = now();
            for (int i = 0; i < 50 && (current.threads > baseline.threads || current.sockets > baseline.sockets
                    || current.files > baseline.files); i++) {
                Thread.sleep(200);
                current = now();
            }
            return current;
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
