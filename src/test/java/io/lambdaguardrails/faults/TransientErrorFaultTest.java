package io.lambdaguardrails.faults;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.Drift;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.lambdaguardrails.faults.FaultScenario.PUBLIC_FUNCTION;
import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transient error is never evidence: one answer that looks like "not implemented" does not write an operation off
 * for the run, a server error that persists is ERROR for its (account, region, API) alone, and neither resolves a
 * finding of the previous run.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class TransientErrorFaultTest {

    static final ScanRequest REQUEST = ScanRequest.builder().org().regions(REGION, FaultScenario.OTHER_REGION).build();

    @RegisterExtension
    static final ProxiedScenario SCENARIO = new ProxiedScenario(3);
    static Snapshot faultFree;
    static ScanResult baseline;

    @BeforeAll
    static void seedAndScanWithoutFaults() {
        faultFree = scan();
        baseline = FaultScenario.result(faultFree, REQUEST);
        assertThat(FaultScenario.gaps(faultFree)).as("the fault-free run is complete").isEmpty();
        assertThat(baseline.findings()).extracting(f -> f.ruleId()).as("the scenario has a public invoke").contains("LG-ACC-001");
    }

    static Stream<Arguments> oneAnswerThatLooksUnimplemented() {
        return Stream.of(
                Arguments.of("an HTML 500 from something in the way", 500, "text/html", "<html><body><h1>500 Internal Server Error</h1></body></html>"),
                Arguments.of("a 404 without an AWS error code", 404, "text/html", "<html><body>Not Found</body></html>"),
                Arguments.of("a code-less JSON 500", 500, "application/json", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneAnswerThatLooksUnimplemented")
    void oneAnswerThatLooksUnimplementedChangesNothingAndResolvesNothing(String name, int status, String contentType, String body) {
        Fault once = Fault.on("lambda", "GetPolicy", SCENARIO.members().get(0)).forResource("function:" + PUBLIC_FUNCTION)
                .answer(status, contentType, body).times(1);
        SCENARIO.proxy().inject(once);

        Snapshot faulted = scan();

        assertThat(once.usedUp()).as("the fault was served").isTrue();
        assertThat(statuses(faulted)).as("no operation was written off").isEqualTo(statuses(faultFree));
        assertThat(FaultScenario.untimed(faulted)).isEqualTo(FaultScenario.untimed(faultFree));
        ScanResult compared = Drift.compare(FaultScenario.result(faulted, REQUEST), baseline);
        assertThat(compared.findings()).isEqualTo(Drift.compare(baseline, baseline).findings());
        assertThat(compared.resolved()).isEmpty();
    }

    @Test
    void aServerErrorThatPersistsIsErrorForThatAccountAndResolvesNothingThere() {
        String a = SCENARIO.members().get(0);
        SCENARIO.proxy().inject(Fault.on("lambda", "GetPolicy", a).answer(500, "text/html", "<html><body>Internal Server Error</body></html>"));

        Snapshot faulted = scan();

        assertThat(FaultScenario.gaps(faulted)).singleElement()
                .extracting(Coverage::accountId, Coverage::region, Coverage::api, Coverage::status)
                .containsExactly(a, REGION, "lambda:GetPolicy", CoverageStatus.ERROR);
        ScanResult compared = Drift.compare(FaultScenario.result(faulted, REQUEST), baseline);
        assertThat(compared.resolved()).isEmpty();
        assertThat(compared.findings()).filteredOn(f -> f.ruleId().equals("LG-ACC-001")).extracting(f -> f.accountId())
                .as("the other accounts' policies were read").containsExactlyInAnyOrderElementsOf(SCENARIO.members().subList(1, SCENARIO.members().size()));
    }

    @Test
    void anOperationThatNoAccountAnswersIsUnsupported() {
        Fault unimplemented = Fault.on("lambda", "GetPolicy").answer(404, "text/html", "<html><body>Not Found</body></html>");
        SCENARIO.proxy().inject(unimplemented);

        Snapshot faulted = scan();

        assertThat(faulted.coverage()).filteredOn(c -> c.api().equals("lambda:GetPolicy"))
                .extracting(Coverage::status).containsOnly(CoverageStatus.UNSUPPORTED);
        assertThat(FaultScenario.gaps(faulted)).isEmpty();
    }

    private static List<String> statuses(Snapshot snapshot) {
        return snapshot.coverage().stream().map(c -> c.accountId() + " " + c.region() + " " + c.api() + " " + c.status()).toList();
    }

    private static Snapshot scan() {
        try (ScanHarness harness = new ScanHarness(SCENARIO.proxy().endpoint(), AwsSettings.DEFAULT_MAX_ATTEMPTS)) {
            return harness.scan(REQUEST);
        }
    }
}
