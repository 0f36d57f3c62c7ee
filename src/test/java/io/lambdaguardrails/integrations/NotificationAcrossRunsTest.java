package io.lambdaguardrails.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.Encryption;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Notifications across real runs of the scan job on moto, each compared with the one before through {@code latest/}
 * in S3: a second run with nothing new sends nothing, a run with one new CRITICAL sends exactly one message, which an
 * SQS queue subscribed to the topic receives.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class NotificationAcrossRunsTest {

    private static final String SECRET = "n3w-Pa55w0rd-" + "b1ll1ng";

    @TempDir
    Path fallback;

    @Test
    void nothingNewSendsNothingAndOneNewCriticalSendsExactlyOne(MotoServer moto) {
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            SeededAccount app = org.account("app", org.rootId(), Map.of());
            app.function("us-east-1", "steady", app.role("steady-role", Map.of(), List.of()), "python3.12", f -> f);
            var credentials = SeededOrganization.EMULATOR_CREDENTIALS;
            S3Client s3 = harness.clients().s3(Region.US_EAST_1, credentials);
            s3.createBucket(b -> b.bucket("org-reports"));
            SnsClient sns = harness.clients().client(SnsClient::builder, Region.US_EAST_1, credentials);
            SqsClient sqs = harness.clients().client(SqsClient::builder, Region.US_EAST_1, credentials);
            String topic = sns.createTopic(b -> b.name("guardrails-alerts")).topicArn();
            String queue = subscribedQueue(sns, sqs, topic);
            var job = new ScanJob(harness.scanner(), Clock.systemUTC(), new ScanResult.Tool("lambda-guardrails", "test"),
                    S3Access.lazy(() -> s3, () -> harness.clients().presigner(Region.US_EAST_1, credentials)),
                    Integrations.of(harness.clients(), credentials));
            var options = new JobOptions(new ReportDelivery.Options("s3://org-reports/guardrails", ReportFormat.DEFAULTS,
                    HtmlReport.bundled(), null, PublishMode.FULL, Encryption.s3Managed(), fallback, Duration.ofHours(1)),
                    null, null, null, null, null, IntegrationOptions.parse(null, List.of("sns:" + topic), Severity.HIGH));
            ScanRequest request = ScanRequest.builder().org().regions("us-east-1").build();

            JobOutcome first = job.run(request, options, ScanListener.NONE, ScanDeadline.none());
            assertThat(first.report().warnings()).isEmpty();
            receive(sqs, queue);

            JobOutcome second = job.run(request, options, ScanListener.NONE, ScanDeadline.none());

            assertThat(second.report().warnings()).isEmpty();
            assertThat(second.result().findings()).isNotEmpty().extracting(Finding::baseline).containsOnly(Baseline.EXISTING);
            assertThat(receive(sqs, queue)).as("a second run with nothing new").isEmpty();

            app.function("us-east-1", "billing", app.role("billing-role", Map.of(), List.of()), "python3.12",
                    f -> f.environment(e -> e.variables(Map.of(
                            "DATABASE_URL", "postgres://app:" + SECRET + "@db.internal:5432/billing"))));

            JobOutcome third = job.run(request, options, ScanListener.NONE, ScanDeadline.none());

            assertThat(third.report().warnings()).isEmpty();
            assertThat(third.result().findings())
                    .filteredOn(f -> f.baseline() == Baseline.NEW && f.severity().atLeast(Severity.HIGH))
                    .extracting(Finding::ruleId, Finding::severity, Finding::resourceName)
                    .containsExactly(tuple("LG-RUN-001", Severity.CRITICAL, "billing"));
            List<Message> messages = receive(sqs, queue);
            assertThat(messages).as("a run with one new CRITICAL").hasSize(1);
            JsonNode envelope = json(messages.getFirst().body());
            assertThat(envelope.at("/MessageAttributes/CRITICAL/Value").asText()).isEqualTo("1");
            assertThat(envelope.at("/MessageAttributes/HIGH/Value").asText()).isEqualTo("0");
            assertThat(envelope.get("Message").asText()).contains("LG-RUN-001", "billing").doesNotContain(SECRET);
        }
    }

    private static String subscribedQueue(SnsClient sns, SqsClient sqs, String topic) {
        String queueUrl = sqs.createQueue(b -> b.queueName("guardrails-alerts")).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));
        return queueUrl;
    }

    /** Everything waiting on the queue, removed from it. */
    private static List<Message> receive(SqsClient sqs, String queueUrl) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        return messages;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
