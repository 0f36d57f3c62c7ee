package io.lambdaguardrails.sink;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFile;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.RunEntry;
import io.lambdaguardrails.report.RunHistory;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.lambdaguardrails.sink.ReportDeliveryTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The S3 sink against moto: layout, object settings, failures that must leave latest/ alone, links, baselines. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class S3SinkTest {

    private static final String RUN = "runs/2026/11/28/20261128T020000Z-a1b2c3";

    @TempDir
    Path dir;

    private ClientFactory clients;
    private S3Client s3;
    private String bucket;

    @BeforeEach
    void bucket(MotoServer moto) {
        clients = factory(moto.endpoint());
        s3 = clients.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
        bucket = "reports-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private static ClientFactory factory(URI endpoint) {
        return new ClientFactory(new AwsSettings(endpoint, "us-east-1", 2, Duration.ofSeconds(20), 8));
    }

    private static S3Access access(ClientFactory factory) {
        return S3Access.lazy(() -> factory.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS),
                () -> factory.presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS));
    }

    private ReportDelivery.Options options(String baseline, Encryption encryption) {
        return new ReportDelivery.Options("s3://" + bucket + "/guardrails", ReportFormat.DEFAULTS,
                HtmlReport.bundled(), baseline, PublishMode.FULL, encryption, dir.resolve("fallback"), Duration.ofMinutes(15));
    }

    private List<String> keys() {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
    }

    private String text(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    @Test
    void writesTheDocumentedKeysWithTypeEncryptionAndChecksum() {
        var outcome = new ReportDelivery(access(clients)).deliver(SampleResults.typical(), options(null, Encryption.s3Managed()));

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.publication().location()).isEqualTo("s3://" + bucket + "/guardrails/" + RUN);
        assertThat(keys()).containsExactly("guardrails/history.json", "guardrails/index.html",
                "guardrails/latest/findings.csv", "guardrails/latest/findings.json", "guardrails/latest/manifest.json",
                "guardrails/latest/report.html", "guardrails/latest/risk-paths.csv",
                "guardrails/" + RUN + "/findings.csv", "guardrails/" + RUN + "/findings.json",
                "guardrails/" + RUN + "/report.html", "guardrails/" + RUN + "/risk-paths.csv");
        for (ReportFile file : ReportFile.of(ReportFormat.DEFAULTS)) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("guardrails/latest/" + file.fileName())
                    .checksumMode(ChecksumMode.ENABLED));
            assertThat(head.contentType()).isEqualTo(file.contentType());
            assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
            assertThat(head.checksumCRC32()).as("CRC32 of %s", file).isNotBlank();
        }
        for (String rootFile : List.of("history.json", "index.html")) {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("guardrails/" + rootFile));
            assertThat(head.serverSideEncryption()).as(rootFile).isEqualTo(ServerSideEncryption.AES256);
        }
        assertThat(FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket).key("guardrails/latest/findings.json")).asByteArray()).runId())
                .isEqualTo("20261128T020000Z-a1b2c3");
    }

    @Test
    void kmsEncryptionWithTheGivenKey() {
        new ReportDelivery(access(clients)).deliver(SampleResults.typical(), options(null, Encryption.parse("aws:kms", "alias/reports")));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("guardrails/latest/report.html"));
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(head.ssekmsKeyId()).contains("alias/reports");
    }

    @Test
    void preSignedLinksOpenThisRunsReportsEvenAfterALaterRunReplacedLatest() throws Exception {
        var outcome = new ReportDelivery(access(clients)).deliver(SampleResults.typical(), options(null, Encryption.s3Managed()));

        assertThat(outcome.links()).extracting(ReportDelivery.Link::format).containsExactlyElementsOf(ReportFormat.DEFAULTS);
        HttpClient http = HttpClient.newHttpClient();
        for (ReportDelivery.Link link : outcome.links()) {
            assertThat(link.uri().getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=900");
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(link.uri()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(s3.getObjectAsBytes(b -> b.bucket(bucket)
                    .key("guardrails/" + RUN + "/" + link.format().fileName())).asByteArray());
        }
        s3.putObject(b -> b.bucket(bucket).key("guardrails/latest/report.html"), RequestBody.fromString("a later run"));
        var html = outcome.links().stream().filter(l -> l.format() == ReportFormat.HTML).findFirst().orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(html.uri()).build(), HttpResponse.BodyHandlers.ofString()).body())
                .isNotEqualTo("a later run");
    }

    @Test
    void latestIsUntouchedWhenTheRunFolderCannotBeWritten(MotoServer moto) throws IOException {
        s3.putObject(b -> b.bucket(bucket).key("guardrails/latest/report.html"), RequestBody.fromString("yesterday"));
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())
                .inject(Fault.on("s3", "PutObject").error(Fault.AwsError.of(503, "SlowDown", "Please reduce your request rate.")));
             ClientFactory throughProxy = factory(proxy.endpoint())) {

            var outcome = new ReportDelivery(access(throughProxy)).deliver(SampleResults.typical(), options("none", Encryption.s3Managed()));

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.publication().failure()).contains("guardrails/" + RUN + "/findings.json");
            assertThat(proxy.counts()).containsEntry("s3:PutObject", 2);
        }
        assertThat(text("guardrails/latest/report.html")).isEqualTo("yesterday");
        assertThat(keys()).containsExactly("guardrails/latest/report.html");
        Path fallback = dir.resolve("fallback").resolve(RUN);
        assertThat(fallback.resolve("findings.json")).exists();
        assertThat(fallback.resolve("findings.csv")).exists();
        assertThat(fallback.resolve("report.html")).exists();
    }

    @Test
    void viewsAreWrittenUnderTheRunFolderAndLatestWithTheirTypeAndEncryption() {
        var outcome = new ReportDelivery(access(clients)).deliver(SampleResults.typicalTeams(),
                options(null, Encryption.s3Managed()).splitBy(SplitBy.OWNER));

        assertThat(outcome.delivered()).isTrue();
        List<String> views = keys().stream().filter(k -> k.contains("/views/")).toList();
        for (String owner : List.of("team-a", "team-b", "unowned")) {
            for (String file : List.of("findings.json", "findings.csv", "risk-paths.csv", "report.html")) {
                assertThat(views).contains("guardrails/" + RUN + "/views/owner/" + owner + "/" + file,
                        "guardrails/latest/views/owner/" + owner + "/" + file);
            }
        }
        assertThat(views).hasSize(2 * 3 * 4);
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("guardrails/latest/views/owner/team-b/report.html"));
        assertThat(head.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket)
                .key("guardrails/" + RUN + "/views/owner/team-b/findings.json")).asByteArray()).findings())
                .isNotEmpty().allSatisfy(f -> assertThat(f.owner()).isEqualTo("team-b"));
    }

    @Test
    void latestIsUntouchedWhenTheLastObjectOfTheRunFolderFails() {
        s3.putObject(b -> b.bucket(bucket).key("guardrails/latest/report.html"), RequestBody.fromString("yesterday"));
        S3Client failingHtml = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(SeededOrganization.EMULATOR_CREDENTIALS)
                .endpointOverride(clients.settings().endpoint()).forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new FailKey("guardrails/" + RUN + "/report.html")))
                .build();
        var sink = new S3Sink(failingHtml, null, S3Location.parse("s3://" + bucket + "/guardrails"), Encryption.s3Managed());

        Publication publication = new ReportPublisher(sink, HtmlReport.bundled(), dir.resolve("fallback"))
                .publish(SampleResults.typical(), ReportFormat.DEFAULTS, PublishMode.FULL);

        assertThat(publication.delivered()).isFalse();
        assertThat(keys()).containsExactly("guardrails/latest/report.html",
                "guardrails/" + RUN + "/findings.csv", "guardrails/" + RUN + "/findings.json",
                "guardrails/" + RUN + "/risk-paths.csv");
        assertThat(text("guardrails/latest/report.html")).isEqualTo("yesterday");
        assertThat(publication.fallbackFolder().resolve("report.html")).exists();
    }

    @Test
    void anUnreachableBucketFallsBackToALocalFolder() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ClientFactory nowhere = factory(URI.create("http://127.0.0.1:" + closedPort))) {
            var outcome = new ReportDelivery(access(nowhere)).deliver(SampleResults.typical(), options(null, Encryption.s3Managed()));

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.baseline()).isInstanceOf(BaselineOutcome.Unreadable.class);
            assertThat(outcome.links()).isEmpty();
            assertThat(outcome.publication().fallbackFolder()).isEqualTo(dir.resolve("fallback").resolve(RUN));
            assertThat(FindingsJson.read(Files.readAllBytes(outcome.publication().fallbackFolder().resolve("findings.json"))))
                    .isEqualTo(SampleResults.typical());
        }
    }

    @Test
    void autoBaselineReadsLatestFromTheBucket() {
        var delivery = new ReportDelivery(access(clients));
        ScanResult yesterday = SampleResults.typical();
        delivery.deliver(yesterday, options(null, Encryption.s3Managed()));
        ScanResult today = SampleResults.result(yesterday.findings().subList(1, 5), yesterday.accounts(), yesterday.coverage());

        var outcome = delivery.deliver(today, options("auto", Encryption.s3Managed()));

        assertThat(outcome.baseline()).isInstanceOf(BaselineOutcome.Compared.class);
        ScanResult latest = FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(bucket).key("guardrails/latest/findings.json")).asByteArray());
        assertThat(latest.findings()).extracting(Finding::baseline).containsOnly(Baseline.EXISTING);
        assertThat(latest.resolved()).extracting(r -> r.findingId())
                .containsExactlyInAnyOrder("LG-ACC-001-aaaa", "LG-OPS-003-ffff");
    }

    @Test
    void filesUnderAnS3PrefixAreFoundForMerging() {
        for (String shard : List.of("0", "1")) {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key("shards/run/" + shard + "/runs/2026/11/28/x/findings.json").build(),
                    RequestBody.fromBytes(FindingsJson.write(SampleResults.typical())));
        }
        s3.putObject(b -> b.bucket(bucket).key("shards/run/0/runs/2026/11/28/x/report.html"), RequestBody.fromString("x"));
        var files = new ReportFiles(access(clients));

        List<String> found = files.expand("s3://" + bucket + "/shards/run/");

        assertThat(found).containsExactly("s3://" + bucket + "/shards/run/0/runs/2026/11/28/x/findings.json",
                "s3://" + bucket + "/shards/run/1/runs/2026/11/28/x/findings.json");
        assertThat(files.read(found.getFirst())).isEqualTo(SampleResults.typical());
    }

    /** Fails the upload of one key before it is sent, as a network error would. */
    private byte[] object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key("guardrails/" + key)).asByteArray();
    }

    private RunHistory history() {
        return RunHistory.read(object(RunHistory.FILE));
    }

    private static Instant historyDay(int d) {
        return Instant.parse("2026-11-01T02:00:00Z").plus(Duration.ofDays(d));
    }

    private static String historyRun(int d) {
        return String.format("202611%02dT020000Z-bbbb%02d", d + 1, d);
    }

    /** history.json and index.html: kept by every publish, rebuilt, bounded, never overwritten on a failed read. */
    @Test
    void publishesKeepTheHistoryAndAMissingOneIsRebuilt() {
        ReportDelivery delivery = new ReportDelivery(access(clients));
        delivery.deliver(run(historyRun(0), historyDay(0), List.of("fn-a", "fn-b")), options("auto", Encryption.s3Managed()));
        delivery.deliver(run(historyRun(1), historyDay(1), List.of("fn-b")), options("auto", Encryption.s3Managed()));
        var third = delivery.deliver(run(historyRun(2), historyDay(2), List.of("fn-b", "fn-c", "fn-d")), options("auto", Encryption.s3Managed()));

        assertThat(history().runs()).extracting(RunEntry::runId, RunEntry::openTotal, RunEntry::newFindings,
                        RunEntry::resolvedFindings)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(historyRun(0), 2, 2, 0),
                        org.assertj.core.groups.Tuple.tuple(historyRun(1), 1, 0, 1),
                        org.assertj.core.groups.Tuple.tuple(historyRun(2), 3, 2, 0));
        assertThat(third.history().previous().runId()).isEqualTo(historyRun(1));
        Document report = Jsoup.parse(new String(object(third.publication().runFolder() + "/report.html"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.select("#trend-table tbody tr").eachAttr("data-run")).as("the trend strip, newest first")
                .containsExactly(historyRun(2), historyRun(1), historyRun(0));
        assertThat(report.select("#trend-table td[data-severity=MEDIUM]").eachText()).containsExactly("3", "1", "2");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("guardrails/index.html")).contentType()).startsWith("text/html");
        Document index = Jsoup.parse(new String(object("index.html"), java.nio.charset.StandardCharsets.UTF_8));
        for (String href : index.select("#runs-table a[href]").eachAttr("href")) {
            assertThat(object(href)).as(href + " resolves under the prefix").isNotEmpty();
        }
        RunHistory kept = history();

        s3.deleteObject(b -> b.bucket(bucket).key("guardrails/" + RunHistory.FILE));
        var fourth = delivery.deliver(run(historyRun(3), historyDay(3), List.of()), options("auto", Encryption.s3Managed()));

        assertThat(fourth.history().rebuiltFrom()).isEqualTo(4);
        assertThat(history().runs().subList(0, 3)).isEqualTo(kept.runs());
        assertThat(new RunHistoryStore(delivery.open(options("auto", Encryption.s3Managed())), HtmlReport.bundled().runsIndex()).rebuild().history())
                .isEqualTo(history());
    }

    @Test
    void aFailedReadLeavesTheHistoryAsItWas() {
        new ReportDelivery(access(clients)).deliver(run(historyRun(0), historyDay(0), List.of("fn-a")), options("auto", Encryption.s3Managed()));
        byte[] before = object(RunHistory.FILE);
        S3Client failingHistory = S3Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(SeededOrganization.EMULATOR_CREDENTIALS)
                .endpointOverride(clients.settings().endpoint()).forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new FailKey("guardrails/" + RunHistory.FILE)))
                .build();

        var second = new ReportDelivery(S3Access.lazy(() -> failingHistory,
                () -> clients.presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS))).deliver(run(historyRun(1), historyDay(1), List.of()), options("auto", Encryption.s3Managed()));

        assertThat(second.delivered()).isTrue();
        assertThat(second.history().updated()).isFalse();
        assertThat(second.warnings()).anySatisfy(w -> assertThat(w).contains("history.json not updated"));
        assertThat(object(RunHistory.FILE)).isEqualTo(before);
        Document report = Jsoup.parse(new String(object("latest/report.html"), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(report.select("#trend")).isEmpty();
        assertThat(report.selectFirst("#trend-note").text()).startsWith("The trend could not be read")
                .contains("history.json");
    }

    @Test
    void theHistoryStaysBoundedAt400Runs() {
        Instant start = Instant.parse("2025-01-01T02:00:00Z");
        List<RunEntry> earlier = IntStream.range(0, RunHistory.KEEP).mapToObj(d -> new RunEntry("run" + d,
                start.plus(Duration.ofDays(d)), start.plus(Duration.ofDays(d)).plusSeconds(60), 1, 1,
                Map.of(Severity.HIGH, 1), Map.of(Family.NETWORK, 1), 0, 0, null, Map.of(), 0,
                Map.of("111111111111", 1), Map.of())).toList();
        s3.putObject(b -> b.bucket(bucket).key("guardrails/" + RunHistory.FILE),
                RequestBody.fromBytes(RunHistory.of(earlier, Map.of()).toJson()));

        new ReportDelivery(access(clients)).deliver(run(historyRun(0), historyDay(0), List.of("fn-a")), options("auto", Encryption.s3Managed()));
        new ReportDelivery(access(clients)).deliver(run(historyRun(1), historyDay(1), List.of("fn-a")), options("auto", Encryption.s3Managed()));

        RunHistory history = history();
        assertThat(history.runs()).hasSize(RunHistory.KEEP);
        assertThat(history.runs().getLast().runId()).isEqualTo(historyRun(1));
        assertThat(history.months()).singleElement().satisfies(m -> {
            assertThat(m.month()).isEqualTo("2025-01");
            assertThat(m.runs()).isEqualTo(2);
            assertThat(m.lastRunId()).isEqualTo("run1");
        });
    }

    record FailKey(String key) implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().encodedPath().endsWith("/" + key)) {
                throw SdkClientException.create("connection reset while uploading " + key);
            }
        }
    }
}
