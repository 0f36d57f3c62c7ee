package io.lambdaguardrails.faults;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.AccountOutcome;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.lambdaguardrails.faults.FaultScenario.OTHER_REGION;
import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account whose Lambda, IAM and CloudTrail reads all hang past its deadline: it is told as timed out (not as
 * scanned with no functions), and coverage has one deadline entry per region, not one per part and per call cut off.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class AccountDeadlineTest {

    static final Duration STALL = Duration.ofMinutes(10);

    @TempDir
    Path out;

    @Test
    void aTimedOutAccountIsToldAsTimedOutWithOneDeadlineEntryPerRegion(MotoServer moto) {
        String member = FaultScenario.seed(moto, 1).getFirst();
        Map<String, AccountOutcome> told = new ConcurrentHashMap<>();
        ScanListener listener = new ScanListener() {
            @Override
            public void accountFinished(AccountInventory account, AccountOutcome outcome, int done, int total) {
                told.put(account.accountId(), outcome);
            }
        };
        ScanResult result;
        try (FaultProxy proxy = new FaultProxy(moto.endpoint());
             ScanHarness harness = new ScanHarness(proxy.endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            proxy.inject(Fault.on("lambda", "ListFunctions", member).latency(STALL));
            proxy.inject(Fault.on("iam", "GetAccountAuthorizationDetails", member).latency(STALL));
            proxy.inject(Fault.on("cloudtrail", "DescribeTrails", member).latency(STALL));
            var request = ScanRequest.builder().accounts(member).regions(REGION, OTHER_REGION)
                    .accountTimeout(Duration.ofSeconds(4)).build();
            JobOutcome outcome = new ScanJob(harness.scanner(), Clock.systemUTC(), ScanResult.Tool.current(),
                    S3Access.unavailable("local only"))
                    .run(request, new JobOptions(out.toString(), null, null), listener, ScanDeadline.none());
            result = outcome.result();
        }

        assertThat(told).containsExactly(Map.entry(member, AccountOutcome.TIMED_OUT));
        List<String> timeouts = result.coverage().stream()
                .filter(c -> c.accountId().equals(member) && c.status() == CoverageStatus.TIMEOUT)
                .map(c -> c.region() + " " + c.api() + " " + c.message()).toList();
        assertThat(timeouts).containsExactlyInAnyOrder(
                "global scan:AccountDeadline iam, cloudtrail not finished before the account deadline",
                OTHER_REGION + " scan:AccountDeadline region not finished before the account deadline",
                REGION + " scan:AccountDeadline region not finished before the account deadline");
        assertThat(result.coverage()).extracting(Coverage::message).noneMatch(m -> m.contains("abandoned"));
    }
}
