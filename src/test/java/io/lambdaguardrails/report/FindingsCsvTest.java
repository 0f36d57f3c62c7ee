package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.text.DisplayText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsCsvTest {

    private static List<CSVRecord> parse(ScanResult result) throws IOException {
        String text = new String(FindingsCsv.write(result), StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(FindingsCsv.HEADER);
            return parser.getRecords();
        }
    }

    @Test
    void headerIsTheDocumentedColumns() {
        assertThat(FindingsCsv.HEADER).containsExactlyElementsOf(SchemaDoc.sections().get("findings.csv"));
    }

    @Test
    void oneRowPerFindingEvenWithNewlinesInValues() throws IOException {
        assertThat(parse(SampleResults.hostile())).hasSize(SampleResults.hostile().findings().size());
        assertThat(parse(SampleResults.typical())).hasSize(SampleResults.typical().findings().size());
    }

    @Test
    void everyHostileValueRoundTripsAndFormulasAreInert() throws IOException {
        List<CSVRecord> rows = parse(SampleResults.hostile());

        for (int i = 0; i < SampleResults.HOSTILE.size(); i++) {
            String shown = DisplayText.escape(SampleResults.HOSTILE.get(i));
            String expected = "=+-@".indexOf(shown.charAt(0)) >= 0 ? "'" + shown : shown;
            CSVRecord row = rows.get(i);
            assertThat(row.get("detail")).as("detail of case %d", i).isEqualTo(expected);
            assertThat(row.get("resourceName")).isEqualTo(expected);
            assertThat(row.get("accountName")).isEqualTo(expected);
            assertThat(row.get("related")).isEqualTo(expected);
        }
    }

    @Test
    void controlAndDirectionCharactersAreWrittenEscaped() throws IOException {
        List<CSVRecord> rows = parse(SampleResults.hostile());
        Map<String, String> written = Map.of(
                SampleResults.RIGHT_TO_LEFT, "invoice\\u202Eexe.pdf",
                SampleResults.BELL_AND_ESCAPE, "bell\\u0007 and \\u001B[31mred",
                SampleResults.NEWLINES, "line one\\u000Aline two\\u000D\\u000Aline three",
                "\tTAB", "\\u0009TAB",
                "\rCR", "\\u000DCR");

        written.forEach((value, escaped) -> {
            CSVRecord row = rows.get(SampleResults.HOSTILE.indexOf(value));
            assertThat(row.get("detail")).isEqualTo(escaped);
            assertThat(row.get("accountName")).isEqualTo(escaped);
            assertThat(row.get("resourceName")).isEqualTo(escaped);
        });
    }

    @Test
    void fieldsHaveTheDocumentedForms() throws IOException {
        ScanResult result = SampleResults.typical();
        List<CSVRecord> rows = parse(result);

        Finding first = result.findings().getFirst();
        CSVRecord row = rows.getFirst();
        assertThat(row.get("findingId")).isEqualTo(first.findingId());
        assertThat(row.get("severity")).isEqualTo("CRITICAL");
        assertThat(row.get("family")).isEqualTo("ACCESS");
        assertThat(row.get("related")).isEqualTo("sg-1;sg-2");
        assertThat(row.get("firstSeen")).isEqualTo("2026-11-28");
        assertThat(row.get("baseline")).isEmpty();
        assertThat(row.get("waiverId")).isEmpty();
        assertThat(row.get("ageDays")).isEqualTo("0");

        CSVRecord waived = rows.get(5);
        assertThat(waived.get("status")).isEqualTo("SUPPRESSED");
        assertThat(waived.get("waiverId")).isEqualTo("W-1");
        assertThat(waived.get("suppressionReason")).isEqualTo("accepted until migration");
        assertThat(waived.get("suppressionOwner")).isEqualTo("bob");
        assertThat(waived.get("suppressionExpires")).isEqualTo("2027-01-31");
    }

    @Test
    void ageDaysIsEmptyWithoutFirstSeen() throws IOException {
        ScanResult result = SampleResults.typical();
        ScanResult unseen = result.withDrift(List.of(result.findings().getFirst().withBaseline(null, null)),
                List.of(), List.of(), List.of(), null);

        assertThat(parse(unseen).getFirst().get("ageDays")).isEmpty();
    }

    @Test
    void utf8WithoutByteOrderMark() {
        byte[] bytes = FindingsCsv.write(SampleResults.hostile());

        assertThat(new String(bytes, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("findingId");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("caf\u00e9 \u65e5\u672c \ud83d\ude80");
    }

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of("equals", "=1+1", "'=1+1"),
                Arguments.of("plus", "+1", "'+1"),
                Arguments.of("minus", "-1", "'-1"),
                Arguments.of("at", "@SUM(A1)", "'@SUM(A1)"),
                Arguments.of("tab", "\t=1", "'\t=1"),
                Arguments.of("carriage return", "\r=1", "'\r=1"),
                Arguments.of("DDE", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
                Arguments.of("formula later in the cell", "a=b", "a=b"),
                Arguments.of("plain", "arn:aws:lambda:eu-west-1:1:function:f", "arn:aws:lambda:eu-west-1:1:function:f"),
                Arguments.of("empty", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void inertCells(String name, String cell, String expected) {
        assertThat(CsvTable.inert(cell)).isEqualTo(expected);
    }
}
