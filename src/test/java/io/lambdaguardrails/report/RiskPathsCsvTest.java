package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.text.DisplayText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiskPathsCsvTest {

    private static List<CSVRecord> parse(ScanResult result) throws IOException {
        String text = new String(RiskPathsCsv.write(result), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(RiskPathsCsv.HEADER);
            return parser.getRecords();
        }
    }

    @Test
    void headerIsTheDocumentedColumns() {
        assertThat(RiskPathsCsv.HEADER).containsExactlyElementsOf(SchemaDoc.sections().get("risk-paths.csv"));
    }

    @Test
    void oneRowPerPathThenTheResolvedOnesMarkedResolved() throws IOException {
        ScanResult typical = SampleResults.typical();
        Finding goneAdmin = SampleResults.finding("LG-IAM-002-yyyy", "LG-IAM-002", Family.IAM, Severity.CRITICAL,
                "111111111111", "gone-admin-fn", "AdministratorAccess");
        ScanResult result = Drift.compare(typical, SampleResults.result(List.of(goneAdmin, typical.findings().getFirst()),
                typical.accounts(), typical.coverage()));

        List<CSVRecord> rows = parse(result);

        assertThat(rows).hasSize(result.riskPaths().size() + 1);
        RiskPath top = result.riskPaths().getFirst();
        CSVRecord first = rows.getFirst();
        assertThat(first.get("functionArn")).isEqualTo(top.functionArn());
        assertThat(first.get("functionName")).isEqualTo("public-fn");
        assertThat(first.get("accountId")).isEqualTo("111111111111");
        assertThat(first.get("region")).isEqualTo("eu-west-1");
        assertThat(first.get("score")).isEqualTo(String.valueOf(top.score()));
        assertThat(first.get("tier")).isEqualTo(top.tier().name());
        assertThat(first.get("baseline")).as("public-fn had a path in the baseline").isEqualTo("EXISTING");
        assertThat(first.get("owner")).isEqualTo("team-a");
        assertThat(first.get("ouPath")).isEqualTo("r-root/ou-prod");
        assertThat(first.get("ingredients")).isEqualTo("PUBLIC_POLICY:LG-ACC-001-aaaa");
        assertThat(first.get("chain")).isEqualTo(top.chain());
        assertThat(rows.stream().filter(r -> r.get("baseline").equals("NEW"))).isNotEmpty();
        CSVRecord resolved = rows.getLast();
        assertThat(resolved.get("functionName")).isEqualTo("gone-admin-fn");
        assertThat(resolved.get("baseline")).isEqualTo(RiskPathsCsv.RESOLVED);
        assertThat(resolved.get("ingredients")).isEmpty();
    }

    @Test
    void ingredientsListEveryFindingIdOfEveryIngredient() throws IOException {
        ScanResult result = SampleResults.result(List.of(
                SampleResults.finding("LG-RUN-001-b", "LG-RUN-001", Family.RUNTIME, Severity.CRITICAL, "111111111111", "fn", "secret"),
                SampleResults.finding("LG-RUN-002-a", "LG-RUN-002", Family.RUNTIME, Severity.MEDIUM, "111111111111", "fn", "secret tag"),
                SampleResults.finding("LG-ACC-002-c", "LG-ACC-002", Family.ACCESS, Severity.HIGH, "111111111111", "fn", "url")),
                List.of(), List.of());

        assertThat(parse(result).getFirst().get("ingredients"))
                .isEqualTo("PUBLIC_URL:LG-ACC-002-c;SECRET:LG-RUN-001-b,LG-RUN-002-a");
    }

    @Test
    void hostileNamesAreEscapedAndFormulasInertAsInFindingsCsv() throws IOException {
        ScanResult hostile = SampleResults.hostile();
        List<CSVRecord> rows = parse(hostile);

        assertThat(rows).hasSize(hostile.riskPaths().size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            RiskPath path = hostile.riskPaths().get(i);
            CSVRecord row = rows.get(i);
            assertThat(row.get("owner")).isEqualTo(CsvTable.inert(DisplayText.escape(path.owner())));
            assertThat(row.get("accountName")).isEqualTo(CsvTable.inert(DisplayText.escape(path.accountName())));
            assertThat(row.get("chain")).isEqualTo(CsvTable.inert(DisplayText.escape(path.chain())));
            assertThat(row.get("owner")).doesNotContain("\n", "\r", "\u202E").doesNotStartWith("=").doesNotStartWith("@");
        }
        assertThat(rows).anySatisfy(r -> assertThat(r.get("owner")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")"));
    }
}
