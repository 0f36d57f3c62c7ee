package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.report.CsvTable.Column;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * {@code findings.csv}: one row per finding, written as every CSV report is ({@link CsvTable}). The columns are a
 * contract (documented in {@code findings.schema.md}); new ones are only ever appended. Lists are joined with {@code ;}.
 */
public final class FindingsCsv {

    private static final CsvTable<Finding> TABLE = new CsvTable<>(List.<Column<Finding>>of(
            new Column<>("findingId", Finding::findingId),
            new Column<>("ruleId", Finding::ruleId),
            new Column<>("title", Finding::title),
            new Column<>("family", Finding::family),
            new Column<>("severity", Finding::severity),
            new Column<>("status", Finding::status),
            new Column<>("accountId", Finding::accountId),
            new Column<>("accountName", Finding::accountName),
            new Column<>("ouPath", Finding::ouPath),
            new Column<>("owner", Finding::owner),
            new Column<>("region", Finding::region),
            new Column<>("resourceType", Finding::resourceType),
            new Column<>("resourceArn", Finding::resourceArn),
            new Column<>("resourceName", Finding::resourceName),
            new Column<>("related", f -> String.join(";", f.related())),
            new Column<>("detail", Finding::detail),
            new Column<>("remediation", Finding::remediation),
            new Column<>("firstSeen", Finding::firstSeen),
            new Column<>("baseline", Finding::baseline),
            new Column<>("waiverId", f -> suppression(f, Suppression::waiverId)),
            new Column<>("suppressionReason", f -> suppression(f, Suppression::reason)),
            new Column<>("suppressionOwner", f -> suppression(f, Suppression::owner)),
            new Column<>("suppressionExpires", f -> suppression(f, Suppression::expires)),
            new Column<>("ageDays", Finding::ageDays)));

    /** The header row, in order. */
    public static final List<String> HEADER = TABLE.header();

    private FindingsCsv() {
    }

    public static byte[] write(ScanResult result) {
        return TABLE.write(result.findings());
    }

    /** Streams the rows to {@code out} and flushes it, leaving it open. */
    public static void write(ScanResult result, Writer out) throws IOException {
        TABLE.write(result.findings(), out);
    }

    private static Object suppression(Finding finding, Function<Suppression, Object> field) {
        return finding.suppression() == null ? null : field.apply(finding.suppression());
    }
}
