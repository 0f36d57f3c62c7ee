package io.lambdaguardrails.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.report.ExchangeSchemas;
import io.lambdaguardrails.report.FindingsCsv;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.OwnerRollup;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.RiskPathsCsv;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.risk.Ingredient;
import io.lambdaguardrails.risk.IngredientKind;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskPaths;
import io.lambdaguardrails.risk.RiskTier;
import io.lambdaguardrails.rules.config.ConfigLoader;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.config.GuardrailsConfig;
import io.lambdaguardrails.sink.LocalDirectorySink;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportKeys;
import io.lambdaguardrails.sink.ReportPublisher;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.SampleOrganisationRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline on moto: the demo's sample organisation is seeded, scanned and evaluated with the default rules,
 * and the findings must be exactly the reviewed set in {@code golden/sample-organisation-findings.txt} — one line per
 * (rule, account, region, resource). Every family has a resource that must fire and one that must not.
 * When a rule or the sample changes on purpose, review {@code target/sample-organisation-findings.actual.txt} and
 * copy it over the golden file.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class SampleOrganisationScanTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/sample-organisation-findings.txt");
    static final LocalDate TODAY = SampleOrganisationRun.TODAY;
    static Snapshot snapshot;
    static List<Finding> findings;
    static ScanResult result;

    @BeforeAll
    static void scanTheSample(MotoServer moto) {
        SampleOrganisationRun run = SampleOrganisationRun.scan(moto);
        snapshot = run.snapshot();
        findings = run.findings();
        result = run.result();
    }

    @Test
    void theSampleInAsffAndOcsfIsValidAgainstThePublishedSchemas() {
        JsonNode asff = ExchangeSchemas.render(result, ReportFormat.ASFF);
        JsonNode ocsf = ExchangeSchemas.render(result, ReportFormat.OCSF);

        assertThat(ExchangeSchemas.violations(ExchangeSchemas.ASFF, asff)).isEmpty();
        assertThat(ExchangeSchemas.violations(ExchangeSchemas.OCSF_DETECTION_FINDING, ocsf)).isEmpty();
        assertThat(asff).hasSize(findings.size());
        assertThat(ocsf).hasSize(findings.size());
    }

    @Test
    void findingsAreExactlyTheReviewedSet() throws IOException {
        List<String> actual = findings.stream()
                .map(f -> String.join("  ", f.ruleId(), f.accountName(), f.region(), f.resourceName()))
                .sorted().toList();
        Path written = Path.of("target", "sample-organisation-findings.actual.txt");
        Files.createDirectories(written.getParent());
        Files.write(written, actual, StandardCharsets.UTF_8);

        assertThat(actual).containsExactlyElementsOf(Files.readAllLines(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void everyFamilyFiresWhereItShouldAndNowhereElse() {
        assertFires("LG-NET-003", "web-api");
        assertSilent("LG-NET-", "web-health");
        assertFires("LG-ACC-001", "payments-webhook");
        assertFires("LG-ACC-002", "web-api");
        assertFires("LG-ACC-004", "payments-partner-sync");
        assertFires("LG-ACC-005", "payments-statements");
        assertSilent("LG-ACC-", "payments-ledger");
        assertFires("LG-IAM-002", "payments-processor");
        assertFires("LG-IAM-003", "sandbox-experiment-1");
        assertSilent("LG-IAM-00", "web-health", "LG-IAM-001");
        assertFires("LG-RUN-001", "web-render");
        assertFires("LG-RUN-001", "payments-processor");
        assertFires("LG-RUN-003", "web-legacy-thumbnails");
        assertSilent("LG-RUN-", "web-health");
        assertFires("LG-SIG-001", "web-api");
        assertSilent("LG-SIG-", "web-health");
        assertFires("LG-OPS-003", "web-api");
        assertSilent("LG-OPS-", "web-health");
        assertThat(accountsWith("LG-AUD-001")).containsExactlyInAnyOrder("prod-web", "prod-payments", "dev-sandbox");
        assertThat(accountsWith("LG-ORG-001")).containsExactly("dev-sandbox");
    }

    @Test
    void theWorstFunctionIsThePublicOneWithTheAdministratorRoleAndASecret() {
        List<RiskPath> paths = result.riskPaths();

        assertThat(paths.stream().limit(5).map(p -> p.functionName() + " " + p.region() + " " + p.tier()))
                .containsExactly(
                        "payments-processor eu-west-1 CRITICAL",
                        "payments-processor us-east-1 CRITICAL",
                        "web-api eu-west-1 HIGH",
                        "web-api us-east-1 HIGH",
                        "payments-webhook eu-west-1 MEDIUM");
        RiskPath worst = paths.getFirst();
        assertThat(worst.ingredients()).extracting(Ingredient::kind).containsExactly(IngredientKind.PUBLIC_POLICY,
                IngredientKind.ADMINISTRATOR, IngredientKind.SECRET, IngredientKind.UNSIGNED_CODE);
        assertThat(worst.chain()).isEqualTo("anyone → resource policy (Principal *) → payments-processor → execution "
                + "role with administrator access → every resource in account " + worst.accountId()
                + "; also: a secret in DATABASE_URL, code that is not signed and enforced");
        // Every ingredient points at the open findings it stands on.
        worst.ingredients().forEach(i -> assertThat(i.findingIds()).isNotEmpty().allSatisfy(id -> assertThat(findings)
                .anyMatch(f -> f.findingId().equals(id) && f.resourceArn().equals(worst.functionArn()) && f.open())));
        assertThat(paths).noneMatch(p -> p.functionName().equals("web-health"));
    }

    @Test
    void aWaivedFindingIsNoLongerAnIngredient() {
        var waived = new ConfigLoader(RuleCatalogue.all()).parse("""
                version: 1
                waivers:
                  - match: {ruleId: LG-RUN-001, resourceArn: "*:function:payments-processor"}
                    reason: the password is rotated hourly by the vault
                    owner: payments-team
                    expires: 2027-06-30
                """, "guardrails.yaml");
        List<RiskPath> before = new RiskPaths(waived.risk()).of(findings);
        List<RiskPath> after = new RiskPaths(waived.risk()).of(evaluate(waived));

        RiskPath was = pathOf(before, "payments-processor");
        RiskPath is = pathOf(after, "payments-processor");
        assertThat(was.ingredients()).extracting(Ingredient::kind).contains(IngredientKind.SECRET);
        assertThat(is.ingredients()).extracting(Ingredient::kind).doesNotContain(IngredientKind.SECRET);
        assertThat(is.score()).isEqualTo(was.score() - waived.risk().secret());
        assertThat(is.chain()).doesNotContain("DATABASE_URL");
        assertThat(is.tier()).isEqualTo(RiskTier.CRITICAL);
    }

    @Test
    void splitByOwnerWritesOneParsedViewPerOwnerPlusUnowned(@TempDir Path dir) throws IOException {
        new ReportPublisher(new LocalDirectorySink(dir), HtmlReport.bundled(), dir.resolve("fallback"))
                .publish(result, ReportFormat.DEFAULTS, SplitBy.OWNER, PublishMode.FULL, () -> false);
        Path views = dir.resolve(ReportKeys.runFolder(result)).resolve("views/owner");
        Set<String> owners = findings.stream().map(f -> OwnerRollup.ownerOf(f.owner())).collect(Collectors.toSet());

        assertThat(owners).contains("payments-team", "web-team", "platform-team", OwnerRollup.UNOWNED);
        try (var folders = Files.list(views)) {
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(owners);
        }
        for (String owner : owners) {
            Path view = views.resolve(owner);
            Set<String> ids = findings.stream().filter(f -> OwnerRollup.ownerOf(f.owner()).equals(owner))
                    .map(Finding::findingId).collect(Collectors.toSet());
            ScanResult json = FindingsJson.read(Files.readAllBytes(view.resolve("findings.json")));
            assertThat(json.findings()).extracting(Finding::findingId).as(owner).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(json.riskPaths()).allSatisfy(p -> assertThat(OwnerRollup.ownerOf(p.owner())).isEqualTo(owner));
            assertThat(csv(view.resolve("findings.csv"), FindingsCsv.HEADER)).extracting(r -> r.get("findingId"))
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(csv(view.resolve("risk-paths.csv"), RiskPathsCsv.HEADER)).extracting(r -> r.get("functionArn"))
                    .containsExactlyElementsOf(json.riskPaths().stream().map(RiskPath::functionArn).toList());
            Document html = Jsoup.parse(view.resolve("report.html").toFile(), "UTF-8");
            assertThat(html.select("[data-id]").eachAttr("data-id")).as(owner).isNotEmpty().allMatch(ids::contains);
            assertThat(html.selectFirst("h1 .view-name").text()).as("whose the view is").isEqualTo(owner);
        }
        assertThat(dir.resolve("latest/views/owner/payments-team/report.html")).exists();
        for (Path runReport : List.of(views.getParent().getParent().resolve("report.html"), dir.resolve("latest/report.html"))) {
            var links = Jsoup.parse(runReport.toFile(), "UTF-8").select("#view-links a");
            assertThat(links.eachText()).as("the run's report links every view").containsExactlyInAnyOrderElementsOf(owners);
            assertThat(links.eachAttr("href")).allSatisfy(href -> assertThat(runReport.resolveSibling(href)).isRegularFile());
        }
    }

    private static List<CSVRecord> csv(Path file, List<String> header) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(header);
            return parser.getRecords();
        }
    }

    private static RiskPath pathOf(List<RiskPath> paths, String functionName) {
        return paths.stream().filter(p -> p.functionName().equals(functionName)).findFirst().orElseThrow();
    }

    private static List<Finding> evaluate(GuardrailsConfig config) {
        return config.engine(RuleCatalogue.all(), List.of()).evaluateAll(snapshot, TODAY).findings();
    }

    private static void assertFires(String ruleId, String resource) {
        assertThat(findings).as("%s on %s", ruleId, resource)
                .anyMatch(f -> f.ruleId().equals(ruleId) && f.resourceName().equals(resource));
    }

    private static void assertSilent(String rulePrefix, String resource, String... except) {
        Set<String> allowed = Set.of(except);
        assertThat(findings).as("no %s* on %s", rulePrefix, resource)
                .noneMatch(f -> f.ruleId().startsWith(rulePrefix) && f.resourceName().equals(resource)
                        && !allowed.contains(f.ruleId()));
    }

    private static Set<String> accountsWith(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::accountName)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
