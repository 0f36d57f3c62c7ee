package io.lambdaguardrails.faults;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.Fault.AwsError;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.RetryBackoff;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.lambdaguardrails.faults.FaultScenario.PUBLIC_FUNCTION;
import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttling as AWS does it: short bursts are absorbed by retries and change nothing in the result; throttling that
 * outlasts the retries costs exactly the data of the throttled (account, region, API), recorded as THROTTLED.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class ThrottlingFaultTest {

    static final ScanRequest REQUEST = ScanRequest.builder().org().regions(REGION, FaultScenario.OTHER_REGION).build();

    @RegisterExtension
    static final ProxiedScenario SCENARIO = new ProxiedScenario(3);
    static Snapshot faultFree;

    @BeforeAll
    static void seedAndScanWithoutFaults() {
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            faultFree = harness.scan(REQUEST);
        }
        assertThat(FaultScenario.gaps(faultFree)).as("the fault-free run is complete").isEmpty();
        assertThat(FaultScenario.findings(faultFree)).as("the scenario has findings").isNotEmpty();
    }

    @Test
    void burstsOfFiveThrottlesAndTransientFailuresChangeNothing() {
        String a = SCENARIO.members().get(0), b = SCENARIO.members().get(1), c = SCENARIO.members().get(2);
        // The long bursts sit on different accounts, so their backoffs overlap instead of adding up.
        List<Fault> bursts = List.of(
                Fault.throttle("organizations", "ListAccounts").times(5),
                Fault.on("sts", "AssumeRole", c).error(AwsError.throttling("sts")).times(5),
                Fault.on("lambda", "ListFunctions", b).inRegion(REGION).error(AwsError.throttling("lambda")).times(5),
                Fault.on("lambda", "GetPolicy", a).forResource("function:" + PUBLIC_FUNCTION).error(AwsError.throttling("lambda")).times(5),
                Fault.on("iam", "GetAccountAuthorizationDetails", FaultProxy.MANAGEMENT_ACCOUNT).error(AwsError.throttling("iam")).times(5),
                Fault.on("ec2", "DescribeSubnets", a).error(AwsError.throttling("ec2")).times(2),
                Fault.on("config", "DescribeConfigRules", b).error(AwsError.throttling("config")).times(2),
                Fault.on("ec2", "DescribeSecurityGroups", c).error(AwsError.internalFailure("ec2")).times(3),
                Fault.on("lambda", "GetFunctionUrlConfig", c).dropConnection().times(3));
        bursts.forEach(SCENARIO.proxy()::inject);

        Snapshot throttled;
        List<Duration> waits;
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            throttled = harness.scan(REQUEST);
            waits = RetryBackoff.whileThrottled(harness.clients());
        }

        assertThat(bursts).as("every burst was served in full").allSatisfy(f -> assertThat(f.usedUp()).isTrue());
        assertThat(FaultScenario.gaps(throttled)).isEmpty();
        assertThat(FaultScenario.untimed(throttled)).isEqualTo(FaultScenario.untimed(faultFree));
        assertThat(FaultScenario.findings(throttled)).isEqualTo(FaultScenario.findings(faultFree));
        // Backoff stays bounded: the waits the SDK chooses before the five retries of a burst, asked of its retry
        // strategy rather than timed, so a loaded machine cannot stretch them.
        assertThat(waits).as("waits between throttled attempts").hasSizeGreaterThanOrEqualTo(5);
        assertThat(total(waits.subList(0, 5))).as("waits before five retries").isLessThan(Duration.ofMinutes(2));
    }

    @Test
    void throttlingBeyondTheRetriesIsThrottledCoverageForThatApiOnly() {
        String a = SCENARIO.members().get(0);
        SCENARIO.proxy().inject(Fault.on("lambda", "GetPolicy", a).inRegion(REGION).error(AwsError.throttling("lambda")));

        Snapshot snapshot;
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), 3)) {
            snapshot = harness.scan(REQUEST);
        }

        assertThat(FaultScenario.gaps(snapshot)).singleElement().satisfies(gap -> {
            assertThat(gap).extracting(Coverage::accountId, Coverage::region, Coverage::api, Coverage::status)
                    .containsExactly(a, REGION, "lambda:GetPolicy", CoverageStatus.THROTTLED);
            assertThat(gap.message()).contains("TooManyRequestsException").contains("3 of 3 calls");
        });
        // Reserved concurrency is read only for the opt-in LG-OPS-001, so it is never collected here.
        assertThat(functions(snapshot, a)).allSatisfy(f -> assertThat(f.notCollected())
                .containsExactlyInAnyOrder(LambdaFunction.Part.RESOURCE_POLICY, LambdaFunction.Part.CONCURRENCY));
        for (String other : SCENARIO.members().subList(1, SCENARIO.members().size())) {
            assertThat(functions(snapshot, other)).allSatisfy(f -> assertThat(f.notCollected()).containsExactly(LambdaFunction.Part.CONCURRENCY));
        }
        // Evidence, not absence: the public function of the throttled account is not judged without its policy.
        List<Finding> publicInvoke = FaultScenario.findings(snapshot).stream().filter(f -> f.ruleId().equals("LG-ACC-001")).toList();
        assertThat(publicInvoke).extracting(Finding::accountId).containsExactlyInAnyOrderElementsOf(SCENARIO.members().subList(1, SCENARIO.members().size()));
    }

    @Test
    void anAccountWhoseLambdaCallsAreAlwaysThrottledIsThrottledWithinABoundedWait() {
        String throttled = SCENARIO.members().get(0);
        Fault always = Fault.on("lambda", null, throttled).error(AwsError.throttling("lambda"));
        SCENARIO.proxy().inject(always);

        Snapshot snapshot;
        List<Duration> waits;
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            snapshot = harness.scan(REQUEST);
            waits = RetryBackoff.whileThrottled(harness.clients());
        }

        assertThat(FaultScenario.gaps(snapshot)).isNotEmpty().allSatisfy(gap -> {
            assertThat(gap.accountId()).isEqualTo(throttled);
            assertThat(gap.api()).startsWith("lambda:");
            assertThat(gap.status()).isEqualTo(CoverageStatus.THROTTLED);
        });
        assertThat(FaultScenario.gaps(snapshot)).extracting(Coverage::region)
                .containsExactlyInAnyOrder(REGION, FaultScenario.OTHER_REGION);
        // Account-level rules (trails, Config) still judge the throttled account; no function is judged there.
        assertThat(FaultScenario.findings(snapshot)).filteredOn(f -> f.resourceArn().contains(":function:"))
                .extracting(Finding::accountId).doesNotContain(throttled).containsAll(SCENARIO.members().subList(1, SCENARIO.members().size()));
        // What bounds the wait is the number of attempts and the SDK's backoff between them, not the machine: the
        // account deadline (10 minutes) is far away, and the calls are answered at once.
        assertThat(always.hits()).as("each region's throttled listing is asked %d times, no more", AwsSettings.DEFAULT_MAX_ATTEMPTS)
                .isEqualTo(2 * AwsSettings.DEFAULT_MAX_ATTEMPTS);
        assertThat(waits).as("one wait before each retry").hasSize(AwsSettings.DEFAULT_MAX_ATTEMPTS - 1);
        assertThat(total(waits)).as("waits across all attempts").isLessThan(Duration.ofMinutes(3));
    }

    private static Duration total(List<Duration> waits) {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    private static List<LambdaFunction> functions(Snapshot snapshot, String accountId) {
        AccountInventory account = snapshot.accounts().stream().filter(x -> x.accountId().equals(accountId)).findFirst().orElseThrow();
        return account.regions().stream().flatMap(r -> r.functions().stream()).toList();
    }
}
