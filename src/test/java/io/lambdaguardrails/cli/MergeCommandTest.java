package io.lambdaguardrails.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.Encryption;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("moto")
@ExtendWith(MotoExtension.class)
class MergeCommandTest {

    @TempDir
    Path dir;

    /** Two shards of one run: half the typical findings each, one finding in both. */
    private List<ScanResult> shards() {
        ScanResult all = SampleResults.typical();
        return List.of(
                SampleResults.result(all.findings().subList(0, 4), all.accounts().subList(0, 1), all.coverage().subList(0, 1)),
                SampleResults.result(all.findings().subList(3, 6), all.accounts().subList(1, 3), all.coverage().subList(1, 3)));
    }

    private void writeShardsLocally(Path root) {
        for (int i = 0; i < 2; i++) {
            var options = new ReportDelivery.Options(root.resolve("shard-" + i).toString(), EnumSet.of(ReportFormat.JSON),
                    HtmlReport.bundled(), null, PublishMode.PARTIAL, Encryption.s3Managed(), dir.resolve("fb"), Duration.ofHours(1));
            new ReportDelivery(S3Access.unavailable("local")).deliver(shards().get(i), options);
        }
    }

    @Test
    void mergesShardFoldersAndPublishesOneReport() throws IOException {
        writeShardsLocally(dir.resolve("shards"));

        CommandRun run = CommandRun.of(new MergeCommand(), dir.resolve("shards").toString(), "--output", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Merged 2 result(s) into run 20261128T020000Z-a1b2c3: 3 account(s), 6 finding(s)");
        ScanResult merged = FindingsJson.read(Files.readAllBytes(dir.resolve("out/latest/findings.json")));
        assertThat(merged.findings()).extracting(Finding::findingId)
                .containsExactlyInAnyOrderElementsOf(SampleResults.typical().findings().stream().map(Finding::findingId).toList());
        assertThat(merged.accounts()).hasSize(3);
        assertThat(dir.resolve("out/latest/report.html")).exists();
        assertThat(dir.resolve("out/runs/2026/11/28/20261128T020000Z-a1b2c3/findings.csv")).exists();
    }

    @Test
    void mergesShardsFromAnS3PrefixIntoAnS3Output(MotoServer moto) {
        S3Client s3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(SeededOrganization.EMULATOR_CREDENTIALS)
                .endpointOverride(moto.endpoint()).forcePathStyle(true).build();
        s3.createBucket(b -> b.bucket("merge-test"));
        for (int i = 0; i < 2; i++) {
            int shard = i;
            s3.putObject(b -> b.bucket("merge-test").key("shards/job-1/" + shard + "/findings.json"),
                    RequestBody.fromBytes(FindingsJson.write(shards().get(shard))));
        }

        CommandRun run = CommandRun.of(new MergeCommand(SeededOrganization.EMULATOR_CREDENTIALS),
                "s3://merge-test/shards/job-1/", "--output", "s3://merge-test/guardrails",
                "--endpoint-url", moto.endpoint().toString(), "--region", "us-east-1");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        ScanResult merged = FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket("merge-test").key("guardrails/latest/findings.json")).asByteArray());
        assertThat(merged.findings()).hasSize(6);
        assertThat(run.out()).contains("Reports: s3://merge-test/guardrails/runs/2026/11/28/20261128T020000Z-a1b2c3");
        // Pre-signed links go to an interactive terminal only: output captured like this one stays free of them.
        assertThat(run.out()).doesNotContain("X-Amz-Signature=");
    }

    @Test
    void anUnreachableBucketSavesTheReportsLocallyAndExitsFour() throws IOException {
        writeShardsLocally(dir.resolve("shards"));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CommandRun run = CommandRun.of(new MergeCommand(SeededOrganization.EMULATOR_CREDENTIALS),
                dir.resolve("shards").toString(), "--output", "s3://merge-test/guardrails",
                "--endpoint-url", "http://127.0.0.1:" + closedPort, "--region", "us-east-1", "--max-attempts", "1",
                "--fallback-dir", dir.resolve("fallback").toString());

        assertThat(run.exitCode()).isEqualTo(4);
        Path saved = dir.resolve("fallback/runs/2026/11/28/20261128T020000Z-a1b2c3");
        assertThat(run.out()).contains("NOT DELIVERED", "Reports saved locally instead: " + saved);
        assertThat(saved.resolve("report.html")).exists();
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        writeShardsLocally(dir.resolve("shards"));

        CommandRun nothing = CommandRun.of(new MergeCommand(), dir.resolve("empty").toString(), "--output", dir.resolve("out").toString());
        CommandRun partialWithBaseline = CommandRun.of(new MergeCommand(), dir.resolve("shards").toString(), "--partial",
                "--baseline", dir.resolve("shards/shard-0/runs/2026/11/28/20261128T020000Z-a1b2c3/findings.json").toString(),
                "--output", dir.resolve("out").toString());
        CommandRun kmsKeyWithoutKms = CommandRun.of(new MergeCommand(), dir.resolve("shards").toString(),
                "--sse", "AES256", "--kms-key-id", "k", "--output", dir.resolve("out").toString());
        CommandRun unknownSplit = CommandRun.of(new MergeCommand(), dir.resolve("shards").toString(),
                "--split-by", "../team", "--output", dir.resolve("out").toString());

        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("no findings.json found");
        assertThat(partialWithBaseline.exitCode()).isEqualTo(2);
        assertThat(partialWithBaseline.err()).contains("never compared with a baseline");
        assertThat(kmsKeyWithoutKms.exitCode()).isEqualTo(2);
        assertThat(kmsKeyWithoutKms.err()).contains("--kms-key-id needs --sse aws:kms");
        assertThat(unknownSplit.exitCode()).isEqualTo(2);
        assertThat(unknownSplit.err()).contains("unknown split-by value '../team' (expected owner, account or ou)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void withJsonLogsTheMergeTheSummaryAndTheExitAreJsonLinesAsAScansAre() throws IOException {
        writeShardsLocally(dir.resolve("shards"));

        CommandRun run = CommandRun.of(new MergeCommand(), dir.resolve("shards").toString(), "--output",
                dir.resolve("out").toString(), "--log-format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = jsonLines(run.out());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("message").asText()).startsWith("Merged 2 result(s) into run 20261128T020000Z-a1b2c3");
        assertThat(lines.get(0).get("parts").asInt()).isEqualTo(2);
        JsonNode summary = lines.get(1).get("summary");
        assertThat(summary.get("runId").asText()).isEqualTo("20261128T020000Z-a1b2c3");
        assertThat(summary.get("accounts").asInt()).isEqualTo(3);
        assertThat(summary.get("delivered").asBoolean()).isTrue();
        assertThat(summary.get("location").asText()).contains("20261128T020000Z-a1b2c3");
        assertThat(lines.get(2).get("exitCode").asInt()).isZero();
    }

    @Test
    void withJsonLogsAMergeErrorIsAJsonLineWithItsExitCode() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        CommandRun run = CommandRun.of(new MergeCommand(), dir.resolve("empty").toString(), "--output",
                dir.resolve("out").toString(), "--log-format=json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        JsonNode error = jsonLines(run.err()).getLast();
        assertThat(error.get("exitCode").asInt()).isEqualTo(2);
        assertThat(error.get("message").asText()).startsWith("error: no findings.json found");
    }

    private static List<JsonNode> jsonLines(String text) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode node = new ObjectMapper().readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        return lines;
    }
}
