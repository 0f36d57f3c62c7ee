package io.lambdaguardrails.sink;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ResolvedFinding;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scan job end to end on moto with an s3:// output: the documented keys, then a second run with
 * {@code --baseline auto} after one function was fixed and another broken.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class ScanToS3Test {

    private static final String DEPRECATED = "LG-RUN-003";

    @TempDir
    Path dir;

    @Test
    void secondRunComparesWithLatestInTheBucket(MotoServer moto) {
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            SeededAccount app = org.account("app", org.rootId(), Map.of());
            String role = app.role("fn-role", Map.of(), List.of());
            app.function("us-east-1", "fixed-later", role, "python3.8", f -> f);
            app.function("us-east-1", "steady", role, "python3.12", f -> f);
            S3Client s3 = harness.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
            s3.createBucket(b -> b.bucket("org-reports"));
            var job = new ScanJob(harness.scanner(), Clock.systemUTC(), new ScanResult.Tool("lambda-guardrails", "test"),
                    S3Access.lazy(() -> s3, () -> harness.clients().presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS)));
            var options = new JobOptions(new ReportDelivery.Options("s3://org-reports/guardrails",
                    ReportFormat.DEFAULTS, HtmlReport.bundled(), null, PublishMode.FULL,
                    Encryption.s3Managed(), dir, Duration.ofHours(1)), null, null, null, null);
            ScanRequest request = ScanRequest.builder().org().regions("us-east-1").build();

            JobOutcome first = job.run(request, options, ScanListener.NONE, ScanDeadline.none());

            assertThat(first.report().delivered()).isTrue();
            String runFolder = first.report().publication().runFolder();
            assertThat(keys(s3)).containsExactlyInAnyOrder(
                    "guardrails/latest/findings.json", "guardrails/latest/findings.csv", "guardrails/latest/risk-paths.csv",
                    "guardrails/latest/report.html", "guardrails/latest/manifest.json",
                    "guardrails/" + runFolder + "/findings.json", "guardrails/" + runFolder + "/findings.csv",
                    "guardrails/" + runFolder + "/risk-paths.csv", "guardrails/" + runFolder + "/report.html",
                    "guardrails/" + OutputCheck.MARKER, "guardrails/history.json", "guardrails/index.html");
            assertThat(first.result().findings()).extracting(Finding::baseline).containsOnly(Baseline.NEW);
            assertThat(deprecated(first.result())).containsExactly("fixed-later");

            try (LambdaClient lambda = memberLambda(moto, app.id())) {
                lambda.updateFunctionConfiguration(b -> b.functionName("fixed-later").runtime("python3.12"));
            }
            app.function("us-east-1", "broken-now", role, "python3.8", f -> f);

            JobOutcome second = job.run(request, options, ScanListener.NONE, ScanDeadline.none());

            ScanResult latest = FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket("org-reports")
                    .key("guardrails/latest/findings.json")).asByteArray());
            assertThat(latest.runId()).isEqualTo(second.result().runId());
            assertThat(latest.baselineRunId()).isEqualTo(first.result().runId());
            assertThat(deprecated(latest)).containsExactly("broken-now");
            assertThat(latest.findings()).filteredOn(f -> f.resourceName().equals("broken-now"))
                    .extracting(Finding::baseline).containsOnly(Baseline.NEW);
            assertThat(latest.findings()).filteredOn(f -> f.resourceName().equals("steady"))
                    .isNotEmpty().extracting(Finding::baseline).containsOnly(Baseline.EXISTING);
            assertThat(latest.resolved()).extracting(ResolvedFinding::ruleId, ResolvedFinding::resourceName)
                    .containsExactly(tuple(DEPRECATED, "fixed-later"));
            assertThat(keys(s3)).filteredOn(k -> k.startsWith("guardrails/runs/")).hasSize(8);
        }
    }

    private static List<String> deprecated(ScanResult result) {
        return result.findings().stream().filter(f -> f.ruleId().equals(DEPRECATED)).map(Finding::resourceName).toList();
    }

    private static List<String> keys(S3Client s3) {
        return s3.listObjectsV2Paginator(b -> b.bucket("org-reports")).contents().stream().map(S3Object::key).toList();
    }

    /** moto acts in a member account when the request names it in {@code x-moto-account-id}. */
    private static LambdaClient memberLambda(MotoServer moto, String accountId) {
        return LambdaClient.builder().region(Region.US_EAST_1).endpointOverride(moto.endpoint())
                .credentialsProvider(SeededOrganization.EMULATOR_CREDENTIALS)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder().putHeader("x-moto-account-id", accountId).build();
                    }
                })).build();
    }
}
