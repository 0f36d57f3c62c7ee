package io.lambdaguardrails.faults;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every wait ends by the run's deadlines: a hanging AssumeRole costs its account's deadline, a hanging or looping
 * Organizations API costs the discovery deadline and ends as coverage (exit 3), not as a usage error, and so does a
 * listing whose pages repeat their token or never end. The faulted
 * call stalls far longer than the test allows; healthy accounts get a deadline many times what they need, so a
 * loaded machine does not turn them into timeouts.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class BoundedWaitFaultTest {

    /** Longer than any bound here: a call that waited for it would fail the test's own timeout. */
    static final Duration STALL = Duration.ofMinutes(10);
    static final Duration ACCOUNT_TIMEOUT = Duration.ofSeconds(40);
    /** Well below the SDK's two-minute call timeout, which is what bounded these waits before. */
    static final Duration BOUND = Duration.ofSeconds(100);

    /** The pages one listing may take (the client factory's pagination guard). */
    static final int PAGE_CAP = 1_000;

    @RegisterExtension
    static final ProxiedScenario SCENARIO = new ProxiedScenario(2);

    @TempDir
    Path out;

    @Test
    void aHangingAssumeRoleEndsAtTheAccountDeadline() {
        String stalled = SCENARIO.members().get(1);
        SCENARIO.proxy().inject(Fault.on("sts", "AssumeRole", stalled).latency(STALL));

        Instant start = Instant.now();
        JobOutcome outcome = scan();

        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(outcome.status()).isEqualTo(ExitStatus.INCOMPLETE);
        assertThat(gaps(outcome.result())).containsExactly(stalled + " global sts:AssumeRole TIMEOUT");
    }

    @Test
    void aHangingOrganizationsApiIsIncompleteCoverageNotAUsageError() {
        SCENARIO.proxy().inject(Fault.on("organizations", "ListAccounts").latency(STALL));

        Instant start = Instant.now();
        JobOutcome outcome = scan();

        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(outcome.status()).isEqualTo(ExitStatus.INCOMPLETE);
        assertThat(gaps(outcome.result())).contains(FaultProxy.MANAGEMENT_ACCOUNT + " global scan:DiscoveryDeadline TIMEOUT");
        assertThat(outcome.report().delivered()).as("the report says what happened").isTrue();
    }

    @Test
    void aPageTokenAnsweredWithItselfEndsTheListing() {
        SCENARIO.proxy().inject(Fault.on("organizations", "ListAccounts").answer(200, "application/x-amz-json-1.1",
                "{\"Accounts\": [], \"NextToken\": \"the-same-page\"}"));

        JobOutcome outcome = scan();

        assertThat(outcome.status()).isEqualTo(ExitStatus.INCOMPLETE);
        assertThat(gaps(outcome.result())).contains(FaultProxy.MANAGEMENT_ACCOUNT + " global organizations:ListAccounts ERROR");
    }

    @Test
    void aListingThatNeverEndsStopsAtThePageCap() {
        AtomicInteger pages = new AtomicInteger();
        SCENARIO.proxy().inject(Fault.on("organizations", "ListAccounts").answer(200, "application/x-amz-json-1.1",
                () -> "{\"Accounts\": [], \"NextToken\": \"page-" + pages.incrementAndGet() + "\"}"));

        JobOutcome outcome = scan();

        assertThat(pages).as("asked for every page up to the cap, and no more").hasValue(PAGE_CAP);
        assertThat(outcome.status()).isEqualTo(ExitStatus.INCOMPLETE);
        assertThat(outcome.result().coverage()).filteredOn(c -> c.api().equals("organizations:ListAccounts"))
                .singleElement().satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CoverageStatus.ERROR);
                    assertThat(c.accountId()).isEqualTo(FaultProxy.MANAGEMENT_ACCOUNT);
                });
    }

    private JobOutcome scan() {
        var request = ScanRequest.builder().org().regions(REGION).accountTimeout(ACCOUNT_TIMEOUT).build();
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            return new ScanJob(harness.scanner(), Clock.systemUTC(), ScanResult.Tool.current(), S3Access.unavailable("local only"))
                    .run(request, new JobOptions(out.toString(), null, null), ScanListener.NONE, ScanDeadline.none());
        }
    }

    private static List<String> gaps(ScanResult result) {
        return result.coverage().stream().filter(c -> c.status().incomplete())
                .map(c -> c.accountId() + " " + c.region() + " " + c.api() + " " + c.status()).toList();
    }
}
