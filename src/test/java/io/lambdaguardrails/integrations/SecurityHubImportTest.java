package io.lambdaguardrails.integrations;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.report.ResolvedFinding;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.SecurityHubException;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Security Hub import on moto: read back with GetFindings. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class SecurityHubImportTest {

    private static final String REGION = "eu-west-1";

    /**
     * 250 findings over 50 member accounts, all NEW, and one finding resolved since the baseline, scanned as
     * {@code principal}.
     */
    private static ScanResult run(String principal) {
        ScanResult many = SampleResults.many(250);
        List<Finding> marked = many.findings().stream().map(f -> f.withBaseline(Baseline.NEW, SampleResults.TODAY)).toList();
        var resolved = List.of(new ResolvedFinding("LG-NET-003-fixed", "LG-NET-003", "100000000007", REGION,
                "arn:aws:lambda:eu-west-1:100000000007:function:fixed-fn", "fixed-fn", "was in a public subnet",
                LocalDate.parse("2026-10-01")));
        return new ScanResult(many.schemaVersion(), many.runId(), many.startedAt(), many.finishedAt(), many.tool(),
                principal, many.request(), many.accounts(), many.coverage(), many.notEvaluated(), marked, resolved,
                many.rules(), many.expiredWaivers(), "20261127T020000Z-prev");
    }

    @Test
    void importsEveryMemberFindingAsTheCallersInBatchesOfAHundredAndArchivesTheResolved(MotoServer moto) {
        var settings = new AwsSettings(moto.endpoint(), "us-east-1", 2, AwsSettings.DEFAULT_CALL_TIMEOUT, 8);
        try (var plain = new ClientFactory(settings);
             StsClient sts = plain.client(StsClient::builder, ClientFactory.GLOBAL,
                     SeededOrganization.EMULATOR_CREDENTIALS)) {
            var caller = sts.getCallerIdentity();
            var rule = new DefaultProductRule(caller.account());
            try (var clients = new ClientFactory(settings, List.of(rule));
                 SecurityHubClient hub = clients.client(SecurityHubClient::builder, Region.of(REGION),
                         SeededOrganization.EMULATOR_CREDENTIALS)) {
                ScanResult run = run(caller.arn());

                var result = new SecurityHubImport(hub, Duration.ZERO).importFindings(run, REGION);

                assertThat(rule.refused).as("calls real Security Hub would deny").isEmpty();
                assertThat(result.complete()).as(result.describe()).isTrue();
                assertThat(result.imported()).isEqualTo(251);
                assertThat(rule.batchSizes).containsExactly(100, 100, 51);
                Map<String, AwsSecurityFinding> imported = hub.getFindingsPaginator(b -> b.maxResults(100)).findings()
                        .stream().collect(Collectors.toMap(AwsSecurityFinding::id, f -> f));
                assertThat(imported).hasSize(251);
                for (Finding f : run.findings()) {
                    AwsSecurityFinding asff = imported.get(f.findingId());
                    assertThat(asff.awsAccountId()).isEqualTo(caller.account());
                    assertThat(asff.productFields()).containsEntry("lambda-guardrails/AccountId", f.accountId())
                            .containsEntry("lambda-guardrails/AccountName", f.accountName());
                    assertThat(asff.resources()).extracting(Resource::id)
                            .containsExactly(f.resourceArn(), "AWS::::Account:" + f.accountId());
                    assertThat(asff.generatorId()).isEqualTo(f.ruleId());
                    assertThat(asff.recordStateAsString()).isEqualTo("ACTIVE");
                    assertThat(asff.productArn()).isEqualTo("arn:aws:securityhub:eu-west-1:" + caller.account()
                            + ":product/" + caller.account() + "/default");
                }
                AwsSecurityFinding fixed = imported.get("LG-NET-003-fixed");
                assertThat(fixed.awsAccountId()).isEqualTo(caller.account());
                assertThat(fixed.productFields()).containsEntry("lambda-guardrails/AccountId", "100000000007");
                assertThat(fixed.recordStateAsString()).isEqualTo("ARCHIVED");
                assertThat(fixed.workflow().statusAsString()).isEqualTo("RESOLVED");
                assertThat(fixed.resources().get(0).details().awsLambdaFunction().functionName()).isEqualTo("fixed-fn");
            }
        }
    }

    /**
     * Security Hub's rule for an account's default product, which moto does not apply: every finding's
     * {@code AwsAccountId} must be the calling account, or the call is denied (AccessDeniedException, for the whole
     * call). Also records each call's size.
     */
    private static final class DefaultProductRule implements ExecutionInterceptor {
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();
        private final String caller;

        DefaultProductRule(String caller) {
            this.caller = caller;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchImportFindingsRequest request)) {
                return;
            }
            batchSizes.add(request.findings().size());
            List<String> foreign = request.findings().stream().map(AwsSecurityFinding::awsAccountId)
                    .filter(account -> !caller.equals(account)).distinct().toList();
            if (!foreign.isEmpty()) {
                refused.add(String.join(",", foreign));
                throw SecurityHubException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException").errorMessage("not authorized to perform: "
                                + "securityhub:BatchImportFindings for findings of " + foreign).build()).build();
            }
        }
    }

    @Test
    void findingsSecurityHubDidNotProcessAreRetriedAndWhatStillFailsIsReported() {
        var hub = new FlakyHub(2);
        ScanResult run = SampleResults.typical();

        var result = new SecurityHubImport(hub, Duration.ZERO).importFindings(run, REGION);

        assertThat(hub.calls).hasSize(SecurityHubImport.ATTEMPTS);
        assertThat(hub.calls.get(1)).as("the retry sends only what failed").hasSize(2);
        assertThat(result.imported()).isEqualTo(run.findings().size() - 2);
        assertThat(result.failures()).hasSize(2).allMatch(f -> f.contains("LimitExceeded"));
        assertThat(result.complete()).isFalse();
    }

    @Test
    void anUnreachableSecurityHubIsADeliveryFailureNotAnException() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (var clients = new ClientFactory(new AwsSettings(URI.create("http://127.0.0.1:" + closed), "us-east-1", 1,
                Duration.ofSeconds(5), 2))) {
            Function<String, SecurityHubClient> hub = region -> clients.client(SecurityHubClient::builder,
                    Region.of(region), SeededOrganization.EMULATOR_CREDENTIALS);
            var integrations = new Integrations(hub, null, Duration.ZERO);

            List<String> failures = integrations.deliver(new IntegrationOptions(REGION, List.of(), null),
                    NotificationTest.published(SampleResults.typical(), null));

            assertThat(failures).singleElement().asString().startsWith("Security Hub (eu-west-1): 0 of 6");
        }
    }

    /** Security Hub answering that the first findings of every call could not be processed. */
    private static final class FlakyHub implements SecurityHubClient {
        final List<List<String>> calls = new ArrayList<>();
        private final int failing;

        FlakyHub(int failing) {
            this.failing = failing;
        }

        @Override
        public BatchImportFindingsResponse batchImportFindings(BatchImportFindingsRequest request) {
            List<String> ids = request.findings().stream().map(AwsSecurityFinding::id).toList();
            calls.add(ids);
            List<ImportFindingsError> errors = ids.stream().limit(failing).map(id -> ImportFindingsError.builder()
                    .id(id).errorCode("LimitExceeded").errorMessage("try again").build()).toList();
            return BatchImportFindingsResponse.builder().failedCount(errors.size())
                    .successCount(ids.size() - errors.size()).failedFindings(errors).build();
        }

        @Override
        public String serviceName() {
            return "securityhub";
        }

        @Override
        public void close() {
        }
    }
}
