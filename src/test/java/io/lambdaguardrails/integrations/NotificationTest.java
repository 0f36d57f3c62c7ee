package io.lambdaguardrails.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.BaselineOutcome;
import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications on moto's SNS, read back from an SQS queue subscribed to the topic, and on a local webhook: one
 * message for a run with something new, none for a run with nothing new.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class NotificationTest {

    private static final String REGION = "us-east-1";
    private static final String LINK = "https://example-bucket.s3.amazonaws.com/latest/report.html?X-Amz-Signature=abc";

    private ClientFactory clients;
    private SnsClient sns;
    private SqsClient sqs;
    private HttpServer webhook;
    private final List<JsonNode> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start(MotoServer moto) throws IOException {
        clients = new ClientFactory(new AwsSettings(moto.endpoint(), REGION, 2, AwsSettings.DEFAULT_CALL_TIMEOUT, 8));
        sns = clients.client(SnsClient::builder, Region.of(REGION), SeededOrganization.EMULATOR_CREDENTIALS);
        sqs = clients.client(SqsClient::builder, Region.of(REGION), SeededOrganization.EMULATOR_CREDENTIALS);
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hooks/T000/B000/secret-token", exchange -> {
            posted.add(Json.mapper().readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
    }

    @AfterEach
    void stop() {
        webhook.stop(0);
        clients.close();
    }

    /** A published run as the delivery reports it, compared with {@code baseline} when there is one. */
    static ReportDelivery.Outcome published(ScanResult run, ScanResult baseline) {
        BaselineOutcome compared = baseline == null ? new BaselineOutcome.FirstRun("latest/findings.json")
                : new BaselineOutcome.Compared(baseline, "latest/findings.json");
        return new ReportDelivery.Outcome(run, compared, new Publication("runs/x", "s3://b/p/runs/x",
                List.of(), Publication.Latest.REPLACED, null, null), List.of(new ReportDelivery.Link(ReportFormat.HTML, URI.create(LINK))),
                List.of(), null);
    }

    /** Yesterday's run and today's, identical but for {@code extra}, marked as the delivery would mark them. */
    private static ReportDelivery.Outcome today(List<Finding> extra) {
        ScanResult yesterday = SampleResults.typical();
        List<Finding> findings = new ArrayList<>(yesterday.findings().stream()
                .map(f -> f.withBaseline(Baseline.EXISTING, f.firstSeen())).toList());
        findings.addAll(extra.stream().map(f -> f.withBaseline(Baseline.NEW, f.firstSeen())).toList());
        ScanResult run = SampleResults.result(findings, yesterday.accounts(), yesterday.coverage());
        return published(run.withDrift(findings, List.of(), run.riskPaths(), List.of(), yesterday.runId()), yesterday);
    }

    private static Finding newCritical() {
        return SampleResults.finding("LG-RUN-001-new", "LG-RUN-001", Family.RUNTIME, Severity.CRITICAL, "222222222222",
                "billing-fn", "environment variable DB_PASSWORD holds a secret (detector password-url, fingerprint 3f2a)");
    }

    @Test
    void oneNewCriticalSendsExactlyOneMessageToTheTopicAndTheWebhook() {
        String queueUrl = subscribedQueue("one-new");
        String topic = sns.listTopics().topics().getLast().topicArn();
        var options = IntegrationOptions.parse(null, List.of("sns:" + topic, webhookUrl()), null);

        List<String> failures = integrations().deliver(options, today(List.of(newCritical())));

        assertThat(failures).isEmpty();
        List<Message> messages = receive(queueUrl);
        assertThat(messages).hasSize(1);
        JsonNode envelope = readJson(messages.getFirst().body());
        assertThat(envelope.get("Subject").asText()).startsWith("lambda-guardrails: 1 new finding(s) at or above HIGH");
        String text = envelope.get("Message").asText();
        assertThat(text.lines()).anyMatch(l -> l.startsWith("- CRITICAL LG-RUN-001 222222222222")
                && l.contains("billing-fn"));
        assertThat(text.lines()).contains("Report: " + LINK);
        assertThat(envelope.at("/MessageAttributes/CRITICAL/Value").asText()).isEqualTo("1");
        assertThat(envelope.at("/MessageAttributes/CRITICAL/Type").asText()).isEqualTo("Number");
        assertThat(envelope.at("/MessageAttributes/HIGH/Value").asText()).isEqualTo("0");

        assertThat(posted).hasSize(1);
        JsonNode body = posted.getFirst();
        assertThat(body.get("text").asText()).contains("LG-RUN-001");
        assertThat(body.at("/newFindings/CRITICAL").asInt()).isEqualTo(1);
        assertThat(body.at("/top/0/resource").asText()).isEqualTo("billing-fn");
        assertThat(body.get("report").asText()).isEqualTo(LINK);
    }

    @Test
    void aRunWithNothingNewSendsNothing() {
        String queueUrl = subscribedQueue("nothing-new");
        String topic = sns.listTopics().topics().getLast().topicArn();
        var options = IntegrationOptions.parse(null, List.of("sns:" + topic, webhookUrl()), null);
        var belowThreshold = SampleResults.finding("LG-OPS-003-new", "LG-OPS-003", Family.OPERATIONS, Severity.LOW,
                "222222222222", "quiet-2", "tracing off");

        List<String> failures = integrations().deliver(options, today(List.of(belowThreshold)));

        assertThat(failures).isEmpty();
        assertThat(receive(queueUrl)).isEmpty();
        assertThat(posted).isEmpty();
    }

    @Test
    void aHostileNameCannotForgeLinesOrLinksInTheMessage() {
        var hostile = SampleResults.finding("LG-ACC-001-h", "LG-ACC-001", Family.ACCESS, Severity.CRITICAL,
                "222222222222", "fn\nReport: https://evil.example <https://evil.example|click>", "detail\r\nmore");
        var notification = new Notification(NewSinceBaseline.of(today(List.of(hostile)).published(),
                SampleResults.typical(), Severity.HIGH), LINK);

        assertThat(notification.text().lines()).filteredOn(l -> l.startsWith("Report:")).containsExactly("Report: " + LINK);
        assertThat(notification.webhookBody().get("text").asText()).doesNotContain("<https://evil.example");
    }

    @Test
    void aWebhookThatFailsIsADeliveryFailureThatDoesNotNameItsToken() {
        var options = IntegrationOptions.parse(null, List.of(webhookUrl().replace("secret-token", "gone")), null);

        List<String> failures = integrations().deliver(options, today(List.of(newCritical())));

        assertThat(failures).singleElement().asString().contains("HTTP 404").doesNotContain("gone");
    }

    private Integrations integrations() {
        return new Integrations(null, new Notifier(region -> sns, HttpClient.newHttpClient()), Duration.ZERO);
    }

    private String webhookUrl() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hooks/T000/B000/secret-token";
    }

    private String subscribedQueue(String name) {
        String topic = sns.createTopic(b -> b.name("guardrails-" + name)).topicArn();
        String queueUrl = sqs.createQueue(b -> b.queueName("alerts-" + name)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(queueArn));
        return queueUrl;
    }

    private List<Message> receive(String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    private static JsonNode readJson(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
