package io.lambdaguardrails.report;

import io.lambdaguardrails.report.CsvTable.Column;
import io.lambdaguardrails.risk.Ingredient;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskTier;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code risk-paths.csv}: one row per risk path, highest score first, then the baseline's resolved paths — written as
 * every CSV report is ({@link CsvTable}). The columns are a contract (documented in {@code findings.schema.md}); new
 * ones are only ever appended.
 */
public final class RiskPathsCsv {

    public static final String RESOLVED = "RESOLVED";

    /** A risk path or a resolved one, as one row. */
    private record Row(String functionArn, String accountId, String accountName, String region, String functionName,
                       int score, RiskTier tier, String baseline, String owner, String ouPath, String ingredients,
                       String chain) {

        static Row of(RiskPath p) {
            return new Row(p.functionArn(), p.accountId(), p.accountName(), p.region(), p.functionName(), p.score(),
                    p.tier(), p.baseline() == null ? null : p.baseline().name(), p.owner(), p.ouPath(),
                    RiskPathsCsv.ingredients(p.ingredients()), p.chain());
        }

        static Row of(ResolvedRiskPath p) {
            return new Row(p.functionArn(), p.accountId(), null, p.region(), p.functionName(), p.score(), p.tier(),
                    RESOLVED, null, null, null, p.chain());
        }
    }

    private static final CsvTable<Row> TABLE = new CsvTable<>(List.<Column<Row>>of(
            new Column<>("functionArn", Row::functionArn),
            new Column<>("accountId", Row::accountId),
            new Column<>("accountName", Row::accountName),
            new Column<>("region", Row::region),
            new Column<>("functionName", Row::functionName),
            new Column<>("score", Row::score),
            new Column<>("tier", Row::tier),
            new Column<>("baseline", Row::baseline),
            new Column<>("owner", Row::owner),
            new Column<>("ouPath", Row::ouPath),
            new Column<>("ingredients", Row::ingredients),
            new Column<>("chain", Row::chain)));

    /** The header row, in order. */
    public static final List<String> HEADER = TABLE.header();

    private RiskPathsCsv() {
    }

    public static byte[] write(ScanResult result) {
        return TABLE.write(rows(result));
    }

    /** Streams the rows to {@code out} and flushes it, leaving it open. */
    public static void write(ScanResult result, Writer out) throws IOException {
        TABLE.write(rows(result), out);
    }

    private static List<Row> rows(ScanResult result) {
        return Stream.concat(result.riskPaths().stream().map(Row::of), result.resolvedRiskPaths().stream().map(Row::of))
                .toList();
    }

    /** {@code KIND:findingId,findingId;KIND:findingId}, exposure first, as in {@code ingredients[]}. */
    private static String ingredients(List<Ingredient> ingredients) {
        return ingredients.stream().map(i -> i.kind().name() + ":" + String.join(",", i.findingIds()))
                .collect(Collectors.joining(";"));
    }
}
