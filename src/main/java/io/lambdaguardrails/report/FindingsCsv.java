package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.text.DisplayText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code findings.csv}: RFC 4180, UTF-8 without a byte-order mark, a header row, one row per finding. The columns are
 * a contract (documented in {@code findings.schema.md}); new ones are only ever appended. Lists are joined with
 * {@code ;}. Control and format characters are written as {@code \\uXXXX} ({@link DisplayText}); a cell that a
 * spreadsheet would run as a formula gets a leading {@code '}.
 */
public final class FindingsCsv {

    private record Column(String name, Function<Finding, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("findingId", Finding::findingId),
            new Column("ruleId", Finding::ruleId),
            new Column("title", Finding::title),
            new Column("family", Finding::family),
            new Column("severity", Finding::severity),
            new Column("status", Finding::status),
            new Column("accountId", Finding::accountId),
            new Column("accountName", Finding::accountName),
            new Column("ouPath", Finding::ouPath),
            new Column("owner", Finding::owner),
            new Column("region", Finding::region),
            new Column("resourceType", Finding::resourceType),
            new Column("resourceArn", Finding::resourceArn),
            new Column("resourceName", Finding::resourceName),
            new Column("related", f -> String.join(";", f.related())),
            new Column("detail", Finding::detail),
            new Column("remediation", Finding::remediation),
            new Column("firstSeen", Finding::firstSeen),
            new Column("baseline", Finding::baseline),
            new Column("waiverId", f -> suppression(f, Suppression::waiverId)),
            new Column("suppressionReason", f -> suppression(f, Suppression::reason)),
            new Column("suppressionOwner", f -> suppression(f, Suppression::owner)),
            new Column("suppressionExpires", f -> suppression(f, Suppression::expires)),
            new Column("ageDays", Finding::ageDays));

    /** The header row, in order. */
    public static final List<String> HEADER = COLUMNS.stream().map(Column::name).toList();

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader(HEADER.toArray(String[]::new))
            .get();

    private FindingsCsv() {
    }

    public static byte[] write(ScanResult result) {
        var bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Streams the rows to {@code out} and flushes it, leaving it open. */
    public static void write(ScanResult result, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (Finding finding : result.findings()) {
            for (Column column : COLUMNS) {
                printer.print(inert(DisplayText.escape(text(column.value().apply(finding)))));
            }
            printer.println();
        }
        printer.flush();
    }

    /**
     * Makes a cell inert for spreadsheets: one that starts with {@code = + - @}, a tab or a carriage return would be
     * evaluated as a formula (OWASP "CSV injection"), so it gets a leading apostrophe.
     */
    static String inert(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return Objects.toString(value, "");
    }

    private static Object suppression(Finding finding, Function<Suppression, Object> field) {
        return finding.suppression() == null ? null : field.apply(finding.suppression());
    }
}
