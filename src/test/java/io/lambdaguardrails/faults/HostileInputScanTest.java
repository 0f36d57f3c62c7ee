package io.lambdaguardrails.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.report.FindingsCsv;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.HostileInputs;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.lambdaguardrails.testbed.HostileInputs.ALIEN_PRINCIPAL_FUNCTION;
import static io.lambdaguardrails.testbed.HostileInputs.NOT_JSON_FUNCTION;
import static io.lambdaguardrails.testbed.HostileInputs.TEXT_FUNCTION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus scanned end to end by the CLI, every report format written: each report still parses,
 * stays inert (no element, attribute or formula the account injected), and is complete (the findings of the hostile
 * functions are there, with their text intact); an unreadable policy is a coverage note, not a crash.
 */
@Tag("moto")
@QuarkusMainTest
class HostileInputScanTest {

    static final String REGION = "us-east-1";

    static SeededAccount account;
    static FaultProxy proxy;

    @BeforeAll
    static void seed() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", REGION);
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            account = org.account("hostile", org.rootId(), Map.of());
            HostileInputs.seed(account, REGION);
        }
        proxy = new FaultProxy(moto.endpoint());
        HostileInputs.faults().forEach(proxy::inject);
    }

    @AfterAll
    static void stop() {
        proxy.close();
    }

    @Test
    void reportsStayValidInertAndComplete(QuarkusMainLauncher launcher, @TempDir Path out) throws IOException {
        LaunchResult result = launcher.launch("scan", "--accounts", account.id(), "--regions", REGION,
                "--endpoint-url", proxy.endpoint().toString(), "--output", out.toString());

        assertThat(result.exitCode()).as("an unreadable policy leaves coverage incomplete: " + result.getErrorOutput()).isEqualTo(3);
        Path latest = out.resolve("latest");
        JsonNode json = Json.mapper().readTree(latest.resolve("findings.json").toFile());
        List<CSVRecord> csv = csv(latest.resolve("findings.csv"));
        Document html = Jsoup.parse(latest.resolve("report.html").toFile(), "UTF-8");

        // Complete: every hostile function is judged on what could be read, its text intact.
        List<JsonNode> findings = new ArrayList<>();
        json.get("findings").forEach(findings::add);
        assertThat(findings).extracting(f -> f.get("resourceName").asText())
                .contains(TEXT_FUNCTION, NOT_JSON_FUNCTION, ALIEN_PRINCIPAL_FUNCTION);
        JsonNode publicInvoke = findings.stream().filter(f -> f.get("ruleId").asText().equals("LG-ACC-001")
                && f.get("resourceName").asText().equals(TEXT_FUNCTION)).findFirst().orElseThrow();
        // Rule details quote account-controlled names in a restricted alphabet; fields such as the owner are verbatim.
        String sid = Details.safe(HostileInputs.SCRIPT);
        assertThat(publicInvoke.get("related").toString()).contains(sid);
        assertThat(publicInvoke.get("owner").asText()).isEqualTo(HostileInputs.HYPERLINK);
        assertThat(findings).filteredOn(f -> f.get("ruleId").asText().equals("LG-RUN-001"))
                .singleElement().satisfies(f -> assertThat(f.get("detail").asText()).contains("img src=x onerror=alert(1)", "_KEY"));
        assertThat(csv).hasSize(findings.size());
        assertThat(html.body().text()).as("shown as text").contains(sid, HostileInputs.HYPERLINK);

        // A policy that is not JSON is a coverage note that quotes none of it; the odd principal type is no crash.
        assertThat(json.get("coverage")).anySatisfy(c -> {
            assertThat(c.get("api").asText()).isEqualTo("lambda:GetPolicy");
            assertThat(c.get("status").asText()).isEqualTo("ERROR");
            assertThat(c.get("message").asText()).contains("not valid JSON").doesNotContain("<script>");
        });
        assertThat(findings).filteredOn(f -> f.get("resourceName").asText().equals(NOT_JSON_FUNCTION))
                .noneMatch(f -> f.get("ruleId").asText().startsWith("LG-ACC"));

        // Inert HTML: nothing the account wrote became markup or script.
        assertThat(html.select("img, iframe, object, embed, a[href^=javascript]")).isEmpty();
        for (Element element : html.getAllElements()) {
            assertThat(element.attributes().asList()).extracting(Attribute::getKey).noneMatch(name -> name.startsWith("on"));
        }
        assertThat(html.select("script")).allSatisfy(script ->
                assertThat(script.attr("type").equals("application/json") || !script.data().contains("alert(1)"))
                        .as("script %s", script.id()).isTrue());
        // Inert CSV: no cell a spreadsheet would evaluate.
        for (CSVRecord row : csv) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
            }
        }
        assertThat(csv).extracting(r -> r.get("owner")).contains("'" + HostileInputs.HYPERLINK);

        assertThat(everything(out) + result.getOutput() + result.getErrorOutput()).doesNotContain(HostileInputs.PLANTED_KEY);
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).isEqualTo(FindingsCsv.HEADER);
            return parser.getRecords();
        }
    }

    private static String everything(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
