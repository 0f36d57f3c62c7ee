package io.lambdaguardrails.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan command end to end on moto: what it writes, what it logs, and how it exits. */
@Tag("moto")
@QuarkusMainTest
class ScanCommandTest {

    /** Synthetic secrets in formats the detector knows; none may appear in any output. */
    static final String PLANTED_KEY = "AKIA" + "ZZPLANTEDKEY0001";
    static final String PLANTED_PASSWORD = "planted-" + "Pa55word-31337";

    static MotoServer moto;
    static SeededAccount account;

    @BeforeAll
    static void seed() {
        moto = MotoServer.shared();
        moto.reset();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            account = org.account("secrets", org.rootId(), Map.of());
            String role = account.role("fn-role", Map.of(), List.of());
            account.function("us-east-1", "leaky", role, "python3.12", f -> f
                    .environment(e -> e.variables(Map.of(
                            "AWS_ACCESS_KEY_ID", PLANTED_KEY,
                            "DATABASE_URL", "postgres://app:" + PLANTED_PASSWORD + "@db.internal/app")))
                    .tags(Map.of("note", "key " + PLANTED_KEY))
                    .description("uses " + PLANTED_KEY));
        }
    }

    @Test
    void writesTheRunFolderAndLatestWithoutAnySecretValue(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        Path inventory = out.resolve("inventory.json");
        LaunchResult result = launcher.launch("scan", "--endpoint-url", moto.endpoint().toString(),
                "--accounts", account.id(), "--regions", "us-east-1", "--output", out.toString(),
                "--save-inventory", inventory.toString());

        assertThat(result.exitCode()).as(result.getErrorOutput()).isEqualTo(0);
        List<Path> runFiles;
        try (Stream<Path> files = Files.walk(out.resolve("runs"))) {
            runFiles = files.filter(Files::isRegularFile).toList();
        }
        assertThat(runFiles).extracting(p -> out.relativize(p).toString()).hasSize(4).allMatch(p ->
                p.matches("runs/\\d{4}/\\d{2}/\\d{2}/\\d{8}T\\d{6}Z-[0-9a-f]{6}/(findings.json|findings.csv|risk-paths.csv|report.html)"));
        assertThat(out.resolve("latest/report.html")).exists();
        assertThat(out.resolve("latest/findings.csv")).exists();
        JsonNode json = Json.mapper().readTree(out.resolve("latest/findings.json").toFile());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("accounts")).hasSize(1);
        assertThat(json.get("accounts").get(0).get("functions").asInt()).isEqualTo(1);
        JsonNode snapshot = Json.mapper().readTree(inventory.toFile());
        JsonNode variables = snapshot.at("/accounts/0/regions/0/functions/0/environment");
        assertThat(variables).hasSize(2);
        assertThat(variables.findValuesAsText("detector")).contains("aws-access-key-id");

        String everything = read(out) + result.getOutput() + result.getErrorOutput();
        assertThat(everything).doesNotContain(PLANTED_KEY).doesNotContain(PLANTED_PASSWORD);
    }

    @Test
    void badOptionsAreUsageErrors(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch("scan", "--accounts", "not-an-account", "--endpoint-url", moto.endpoint().toString()).exitCode())
                .isEqualTo(2);
        assertThat(launcher.launch("scan", "--fail-on", "severe").exitCode()).isEqualTo(2);
        assertThat(launcher.launch("scan", "--no-such-option").exitCode()).isEqualTo(2);
        LaunchResult badOu = launcher.launch("scan", "--ou", "engineering", "--endpoint-url", moto.endpoint().toString());
        assertThat(badOu.exitCode()).isEqualTo(2);
        assertThat(badOu.getErrorOutput()).contains("'engineering' is not an organisational unit id");
    }

    @Test
    void aBadConfigurationFileExitsTwoNamingTheLine(QuarkusMainLauncher launcher, @TempDir Path dir) throws IOException {
        Path config = dir.resolve("guardrails.yaml");
        Files.writeString(config, "version: 1\nsettings:\n  network: {requireVPC: true}\n");

        LaunchResult result = launcher.launch("scan", "--endpoint-url", moto.endpoint().toString(),
                "--accounts", account.id(), "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains(config + ", line 3").contains("requireVPC");
    }

    @Test
    void severityOptionsAcceptAnyCase(QuarkusMainLauncher launcher, @TempDir Path out) {
        LaunchResult result = launcher.launch("scan", "--endpoint-url", moto.endpoint().toString(),
                "--accounts", account.id(), "--regions", "us-east-1", "--output", out.toString(), "--fail-on", "high");
        assertThat(result.exitCode()).isIn(0, 1);
    }

    @Test
    void demoRefusesAnEndpointOffThisMachine(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("demo", "--endpoint-url", "https://lambda.us-east-1.amazonaws.com");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("only seeds an emulator on this machine");
    }

    private static String read(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
