package io.lambdaguardrails.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.lambdaguardrails.faults.FaultScenario.OTHER_REGION;
import static io.lambdaguardrails.faults.FaultScenario.REGION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI under faults: a denied account and a region slower than the account deadline end in coverage and exit 3
 * (or 1 when findings reach --fail-on), in bounded time; an operation the endpoint does not implement is
 * UNSUPPORTED and leaves the exit code alone.
 */
@Tag("moto")
@QuarkusMainTest
class CoverageExitCodeTest {

    /** Far beyond the deadline and the wall-time bound: the faulted region is stalled for good. */
    static final Duration STALL = Duration.ofMinutes(10);
    /**
     * Many times what a healthy account needs even on a loaded machine, so only the stalled region reaches it: the
     * test does not depend on how fast the machine is.
     */
    static final String ACCOUNT_TIMEOUT = "30s";
    /** Well past the account deadline, well before the stall would end. */
    static final Duration BOUND = Duration.ofSeconds(120);

    static List<String> members;
    static FaultProxy proxy;

    @BeforeAll
    static void seed() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", REGION);
        members = FaultScenario.seed(moto, 3);
        proxy = new FaultProxy(moto.endpoint());
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @BeforeEach
    void clean() {
        proxy.clearFaults();
    }

    @Test
    void aDeniedAccountAndATimedOutRegionExitThreeWithinTheDeadline(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        String denied = members.get(1), slow = members.get(2);
        proxy.inject(Fault.denyAssumeRole(denied));
        proxy.inject(Fault.on(null, null, slow).inRegion(OTHER_REGION).latency(STALL));

        Instant start = Instant.now();
        LaunchResult result = scan(launcher, out);

        assertThat(Duration.between(start, Instant.now())).as("no call outlives the account deadline").isLessThan(BOUND);
        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(3);
        JsonNode report = Json.mapper().readTree(out.resolve("latest/findings.json").toFile());
        assertThat(gaps(report)).contains(
                denied + " global sts:AssumeRole ACCESS_DENIED",
                slow + " " + OTHER_REGION + " scan:AccountDeadline TIMEOUT");
        assertThat(gaps(report)).noneMatch(gap -> gap.startsWith(members.get(0)));
        assertThat(accountsWithFindings(report)).contains(members.get(0), slow).doesNotContain(denied);
        assertThat(result.getOutput()).contains(denied);
    }

    @Test
    void findingsAtTheThresholdOutrankIncompleteCoverage(QuarkusMainLauncher launcher, @TempDir Path out) {
        proxy.inject(Fault.denyAssumeRole(members.get(1)));

        LaunchResult result = scan(launcher, out, "--fail-on", "high");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(1);
    }

    @Test
    void unsupportedOperationsDoNotMakeTheScanIncomplete(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        proxy.inject(Fault.on("config", "DescribeConfigRules").answer(500, "text/html", "<html><body>Not implemented</body></html>"));

        LaunchResult result = scan(launcher, out);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(0);
        JsonNode report = Json.mapper().readTree(out.resolve("latest/findings.json").toFile());
        List<String> unsupported = new ArrayList<>();
        report.get("coverage").forEach(c -> {
            if (c.get("status").asText().equals("UNSUPPORTED")) {
                unsupported.add(c.get("api").asText());
            }
        });
        assertThat(unsupported).contains("config:DescribeConfigRules", "access-analyzer:ListAnalyzers");
        assertThat(gaps(report)).isEmpty();
    }

    private static LaunchResult scan(QuarkusMainLauncher launcher, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--org", "--regions", REGION + "," + OTHER_REGION,
                "--account-timeout", ACCOUNT_TIMEOUT, "--endpoint-url", proxy.endpoint().toString(), "--output", out.toString()));
        args.addAll(List.of(extra));
        return launcher.launch(args.toArray(String[]::new));
    }

    /** "account region api STATUS" of every entry that makes coverage incomplete. */
    private static List<String> gaps(JsonNode report) {
        List<String> gaps = new ArrayList<>();
        report.get("coverage").forEach(c -> {
            String status = c.get("status").asText();
            if (!status.equals("OK") && !status.equals("UNSUPPORTED")) {
                gaps.add(c.get("accountId").asText() + " " + c.get("region").asText() + " " + c.get("api").asText() + " " + status);
            }
        });
        return gaps;
    }

    private static List<String> accountsWithFindings(JsonNode report) {
        List<String> accounts = new ArrayList<>();
        report.get("findings").forEach(f -> accounts.add(f.get("accountId").asText()));
        return accounts;
    }
}
