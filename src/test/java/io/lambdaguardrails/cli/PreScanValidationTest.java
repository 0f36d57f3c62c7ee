package io.lambdaguardrails.cli;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;


/**
 * Every bad input a user can give {@code scan}, checked before the first account is scanned: exit 2, a message that
 * says what to fix and names no Java class, and nothing written — an earlier run's {@code latest/} stays as it was.
 */
@Tag("moto")
@QuarkusMainTest
class PreScanValidationTest {

    private static final String LATEST = "{\"earlier\": \"run\"}";
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.\\w+\\.");

    static MotoServer moto;
    static SeededAccount member;

    /** @param shape what the whole message must also match, beyond its fragment; null for none */
    record Case(String name, String fragment, List<String> args, Pattern shape) {
        Case(String name, String fragment, List<String> args) {
            this(name, fragment, args, null);
        }
    }

    @BeforeAll
    static void seed() {
        moto = MotoServer.shared();
        moto.reset();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            member = org.account("member", org.rootId(), Map.of());
        }
    }

    @Test
    void everyBadInputExitsTwoSayingWhatToFixAndWritesNothing(QuarkusMainLauncher launcher, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("reports");
        Path aFile = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path badYaml = Files.writeString(dir.resolve("guardrails.yaml"), "version: 1\nsettings:\n  network: {requireVPC: true}\n");
        Path malformedYaml = Files.writeString(dir.resolve("malformed.yaml"), "version: 1\nrules:\n  LG-NET-001: {enabled: false\n");
        String endpoint = moto.endpoint().toString();
        String closed = "http://127.0.0.1:" + freePort();
        String account = member.id();

        List<Case> cases = List.of(
                scan(out, "misspelt regions", "'us-east-9' is not an AWS region", "--accounts", account, "--regions", "us-east-9,eu-wst-1"),
                scan(out, "all beside a region", "give it alone", "--accounts", account, "--regions", "all,eu-west-1"),
                scan(out, "unknown home region", "--region: 'us-east-9' is not an AWS region", "--accounts", account, "--region", "us-east-9"),
                scan(out, "OU not in the organisation", "--ou ou-nope-12345678: no account of organisation", "--ou", "ou-nope-12345678"),
                scan(out, "malformed OU", "'engineering' is not an organisational unit id", "--ou", "engineering"),
                scan(out, "account outside the organisation", "999999999999 is not an account of organisation", "--accounts", "999999999999"),
                scan(out, "malformed account id", "'not-an-account' is not an AWS account id", "--accounts", "not-an-account"),
                scan(out, "every target excluded", "no account left to scan", "--accounts", account, "--exclude-accounts", account),
                scan(out, "no concurrency", "--max-concurrent-accounts must be between 1 and 1000, got 0", "--accounts", account, "--max-concurrent-accounts", "0"),
                scan(out, "negative concurrency", "--max-concurrent-accounts must be between 1 and 1000, got -3", "--accounts", account, "--max-concurrent-accounts", "-3"),
                scan(out, "zero account timeout", "--account-timeout must be between 1s and 24h", "--accounts", account, "--account-timeout", "0s"),
                scan(out, "unreadable duration", "'ten' is not a duration", "--accounts", account, "--account-timeout", "ten"),
                scan(out, "no attempts", "--max-attempts must be between 1 and 20", "--accounts", account, "--max-attempts", "0"),
                scan(out, "impossible shard before its run id", "--shard: shard must be i/n with 0 <= i < n, got 3/2", "--accounts", account, "--shard", "3/2"),
                scan(out, "shard without run id", "give --run-id and --partial", "--accounts", account, "--shard", "0/2"),
                scan(out, "malformed run id", "--run-id must look like", "--accounts", account, "--run-id", "tonight"),
                scan(out, "unknown severity", "severe", "--accounts", account, "--fail-on", "severe"),
                scan(out, "unknown format", "pdf", "--accounts", account, "--format", "pdf"),
                scan(out, "unknown split", "unknown split-by value 'team' (expected owner, account or ou)", "--accounts", account, "--split-by", "team"),
                scan(out, "split of a shard's result", "give --split-by to merge", "--accounts", account, "--split-by", "owner", "--partial"),
                scan(out, "missing baseline", "no such file", "--accounts", account, "--baseline", dir.resolve("missing.json").toString()),
                scan(out, "bad configuration", "line 3", "--accounts", account, "--config", badYaml.toString()),
                // The parser's caret stays on its own line, under the quoted line it points into.
                new Case("malformed configuration", "this is not valid YAML",
                        scanArgs(out, "--accounts", account, "--config", malformedYaml.toString()),
                        Pattern.compile("(?m)^.*LG-NET-001: \\{enabled: false\\R *\\^ *$")),
                new Case("endpoint without scheme", "has no scheme: write http://127.0.0.1:5011",
                        List.of("scan", "--endpoint-url", "127.0.0.1:5011", "--accounts", account, "--output", out.toString())),
                new Case("nothing listening at the endpoint", "nothing is listening at " + closed,
                        List.of("scan", "--endpoint-url", closed, "--max-attempts", "1", "--accounts", account, "--output", out.toString())),
                new Case("output is a file", aFile + " is a file, not a folder",
                        List.of("scan", "--endpoint-url", endpoint, "--accounts", account, "--output", aFile.toString())),
                new Case("output under a file", aFile + " is a file, not a folder",
                        List.of("scan", "--endpoint-url", endpoint, "--accounts", account, "--output", aFile.resolve("reports").toString())),
                // Root may write anywhere it has permissions for: /sys refuses even root.
                new Case("output in a read-only folder", "--output /sys/lambda-guardrails-reports: cannot write in /sys (",
                        List.of("scan", "--endpoint-url", endpoint, "--accounts", account, "--output", "/sys/lambda-guardrails-reports")),
                new Case("missing bucket", "bucket no-such-bucket-here does not exist",
                        List.of("scan", "--endpoint-url", endpoint, "--accounts", account, "--output", "s3://no-such-bucket-here/guardrails")));

        Files.createDirectories(out.resolve("latest"));
        Files.writeString(out.resolve("latest/findings.json"), LATEST);
        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            LaunchResult result = launcher.launch(c.args().toArray(String[]::new));
            String err = result.getErrorOutput();
            softly.assertThat(result.exitCode()).as(c.name() + ": exit code; stderr: " + err).isEqualTo(2);
            softly.assertThat(err).as(c.name() + ": message").contains(c.fragment());
            if (c.shape() != null) {
                softly.assertThat(err).as(c.name() + ": message shape").containsPattern(c.shape());
            }
            softly.assertThat(JAVA_CLASS.matcher(err).find()).as(c.name() + ": no Java class names in: " + err).isFalse();
            softly.assertThat(files(out)).as(c.name() + ": nothing written").containsExactly(out.resolve("latest/findings.json"));
            softly.assertThat(Files.readString(out.resolve("latest/findings.json"))).as(c.name() + ": latest/ untouched").isEqualTo(LATEST);
        }
        softly.assertThat(files(dir)).as("no probe file left behind")
                .noneMatch(p -> p.getFileName().toString().startsWith(".lambda-guardrails"));
        softly.assertAll();
    }

    @Test
    void withJsonLogsAConfigurationErrorIsAJsonLineWithItsExitCode(QuarkusMainLauncher launcher, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("reports");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (List<String> args : List.of(
                List.of("--log-format", "json", "--max-concurrent-accounts", "0"),
                List.of("--log-format=json", "--ou", "ou-nope-12345678"))) {
            List<String> all = new ArrayList<>(List.of("scan", "--endpoint-url", moto.endpoint().toString(), "--output",
                    out.toString()));
            all.addAll(args);
            LaunchResult result = launcher.launch(all.toArray(String[]::new));

            org.assertj.core.api.Assertions.assertThat(result.exitCode()).isEqualTo(2);
            List<String> lines = new ArrayList<>(result.getErrorStream());
            lines.addAll(result.getOutputStream());
            org.assertj.core.api.Assertions.assertThat(lines).isNotEmpty();
            for (String line : lines.stream().filter(l -> !l.isBlank()).toList()) {
                var node = json.readTree(line);
                org.assertj.core.api.Assertions.assertThat(node.isObject()).as(line).isTrue();
            }
            var last = json.readTree(result.getErrorStream().stream().filter(l -> !l.isBlank()).toList().getLast());
            org.assertj.core.api.Assertions.assertThat(last.get("exitCode").asInt()).isEqualTo(2);
            org.assertj.core.api.Assertions.assertThat(last.get("message").asText()).startsWith("error: ");
        }
    }

    private static Case scan(Path out, String name, String fragment, String... args) {
        return new Case(name, fragment, scanArgs(out, args));
    }

    private static List<String> scanArgs(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("scan", "--endpoint-url", moto.endpoint().toString(), "--output",
                out.toString()));
        all.addAll(List.of(args));
        return all;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
