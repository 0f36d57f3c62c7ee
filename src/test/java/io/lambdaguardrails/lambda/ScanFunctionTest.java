package io.lambdaguardrails.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.AccountCollector;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.JobSummary;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.rules.access.ForeignAccountAccess;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The handler called directly, with a Lambda context whose remaining time can be chosen: the scan deadline follows it,
 * and the configuration arrives through the event. The function's path through the Lambda runtime is tested in
 * {@code ScanFunctionEventServerTest} (the lambda build).
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class ScanFunctionTest {

    private static final String BUCKET = "function-reports";
    private static final Duration MARGIN = Duration.ofSeconds(60);

    static ScanHarness harness;
    static S3Client s3;
    static ScanFunction function;

    @BeforeAll
    static void seed(MotoServer moto) {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        harness = new ScanHarness(moto.endpoint());
        try (SeededOrganization org = harness.createOrganization()) {
            SeededAccount member = org.account("function-member", org.rootId(), Map.of());
            String role = member.role("fn-role", Map.of(), List.of());
            member.function("us-east-1", "partner-sync", role, "python3.12", f -> f);
            member.permission("us-east-1", "partner-sync", p -> p.statementId("partner")
                    .action("lambda:InvokeFunction").principal("444455556666"));
        }
        s3 = harness.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
        s3.createBucket(b -> b.bucket(BUCKET));
        function = new ScanFunction(new FunctionSettings(Optional.of("s3://" + BUCKET + "/default"), MARGIN, moto.endpoint()));
    }

    @AfterAll
    static void close() {
        s3.close();
        harness.close();
    }

    @Test
    void lessTimeLeftThanTheMarginStillPublishesAPartialResult() {
        JobSummary summary = function.handleRequest(Json.mapper().valueToTree(Map.of(
                "request", Map.of("org", true, "regions", List.of("us-east-1")),
                "output", "s3://" + BUCKET + "/late")), new FixedContext(MARGIN.minusSeconds(30)));

        assertThat(summary.status()).isEqualTo(ExitStatus.INCOMPLETE.name());
        assertThat(summary.delivered()).isTrue();
        assertThat(summary.coverageGaps()).isNotEmpty()
                .allSatisfy(gap -> assertThat(gap.api()).isEqualTo(AccountCollector.DEADLINE_API));
        ScanResult published = FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("late/latest/findings.json")).asByteArray());
        assertThat(published.runId()).isEqualTo(summary.runId());
        assertThat(published.accounts()).isNotEmpty();
    }

    @Test
    void reportsThatCannotBeDeliveredFailTheInvocationSoTheSchedulerRetries(MotoServer moto) {
        var event = Json.mapper().valueToTree(Map.of(
                "request", Map.of("org", true, "regions", List.of("us-east-1")),
                "output", "s3://" + BUCKET + "/undeliverable"));
        // The bucket passes the check before the scan; the run folder's writes are then refused.
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())) {
            proxy.inject(Fault.on("s3", "PutObject").forResource("/runs/").error(Fault.AwsError.accessDenied("s3")));
            ScanFunction throughProxy = new ScanFunction(new FunctionSettings(Optional.empty(), MARGIN, proxy.endpoint()));

            assertThatThrownBy(() -> throughProxy.handleRequest(event, new FixedContext(Duration.ofMinutes(14))))
                    .isInstanceOf(DeliveryFailedException.class)
                    .hasMessageContaining("s3://" + BUCKET + "/undeliverable").hasMessageContaining("NOT DELIVERED");
        }
    }

    @Test
    void aMissingBucketFailsTheInvocationBeforeTheScan() {
        var event = Json.mapper().valueToTree(Map.of(
                "request", Map.of("org", true, "regions", List.of("us-east-1")),
                "output", "s3://no-such-bucket-for-reports/guardrails"));

        assertThatThrownBy(() -> function.handleRequest(event, new FixedContext(Duration.ofMinutes(14))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no-such-bucket-for-reports").hasMessageContaining("does not exist");
    }

    @Test
    void eachS3CallOfThePublishGetsAFractionOfTheMargin() {
        assertThat(ScanFunction.publishCallTimeout(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(15));
        assertThat(ScanFunction.publishCallTimeout(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theConfigurationFromS3Applies() {
        s3.putObject(b -> b.bucket(BUCKET).key("config/guardrails.yaml"), RequestBody.fromString("""
                version: 1
                rules:
                  LG-ACC-004: {enabled: false}
                """));
        var event = Json.mapper().valueToTree(Map.of(
                "request", Map.of("org", true, "regions", List.of("us-east-1")),
                "config", "s3://" + BUCKET + "/config/guardrails.yaml"));

        JobSummary summary = function.handleRequest(event, new FixedContext(Duration.ofMinutes(14)));

        ScanResult published = FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("default/latest/findings.json")).asByteArray());
        assertThat(published.runId()).isEqualTo(summary.runId());
        assertThat(published.findings()).isNotEmpty().noneMatch(f -> f.ruleId().equals(ForeignAccountAccess.META.id()));
    }

    @Test
    void aBadConfigurationNamesItsLine() {
        var event = Json.mapper().valueToTree(Map.of("request", Map.of(), "config", "version: 1\nrules:\n  LG-NOPE-001: {enabled: true}\n"));

        assertThatThrownBy(() -> function.handleRequest(event, new FixedContext(Duration.ofMinutes(14))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("config: config, line 3").hasMessageContaining("unknown rule id 'LG-NOPE-001'");
    }

    @Test
    void aMissingConfigurationObjectIsNamed() {
        var event = Json.mapper().valueToTree(Map.of("request", Map.of(), "config", "s3://" + BUCKET + "/config/missing.yaml"));

        assertThatThrownBy(() -> function.handleRequest(event, new FixedContext(Duration.ofMinutes(14))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("config: cannot read s3://" + BUCKET + "/config/missing.yaml with the function's role");
    }

    /** A Lambda context whose only meaningful answer is the remaining time. */
    private record FixedContext(Duration remaining) implements Context {
        public String getAwsRequestId() { return "test-request"; }
        public String getLogGroupName() { return null; }
        public String getLogStreamName() { return null; }
        public String getFunctionName() { return "lambda-guardrails"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return null; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return (int) remaining.toMillis(); }
        public int getMemoryLimitInMB() { return 2048; }
        public LambdaLogger getLogger() { return null; }
    }
}
