package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskTier;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One row per organisational unit, by path ({@code Root/Prod/Payments}), in tree order (a parent before its
 * children). Every count but {@code directAccounts} includes the OU's descendants, so the root's row is the whole
 * organisation. OUs above an account's own appear even without accounts of their own. Accounts whose OU path is not
 * known (Organizations not read, accounts named explicitly outside an organisation) are in no row.
 */
public record OuRollup(String ouPath, int depth, int directAccounts, int accounts, int functions,
                       Map<Severity, Integer> openFindings, Map<RiskTier, Integer> riskPaths) {

    private static final String SEPARATOR = "/";

    /** Segment by segment, so {@code Root/A} and its children come before {@code Root/A-b}. */
    private static final Comparator<String> TREE_ORDER = (a, b) -> Arrays.compare(a.split(SEPARATOR), b.split(SEPARATOR));

    public OuRollup {
        openFindings = Map.copyOf(openFindings);
        riskPaths = Map.copyOf(riskPaths);
    }

    public static List<OuRollup> of(ScanResult result) {
        Map<String, Totals> byOu = new TreeMap<>(TREE_ORDER);
        for (AccountSummary a : result.accounts()) {
            if (known(a.ouPath())) {
                byOu.computeIfAbsent(a.ouPath(), k -> new Totals()).directAccounts++;
                eachLevel(a.ouPath(), byOu, t -> {
                    t.accounts++;
                    t.functions += a.functions();
                });
            }
        }
        for (Finding f : result.findings()) {
            if (f.open() && known(f.ouPath())) {
                eachLevel(f.ouPath(), byOu, t -> t.open.merge(f.severity(), 1, Integer::sum));
            }
        }
        for (RiskPath p : result.riskPaths()) {
            if (known(p.ouPath())) {
                eachLevel(p.ouPath(), byOu, t -> t.paths.merge(p.tier(), 1, Integer::sum));
            }
        }
        return byOu.entrySet().stream().map(e -> new OuRollup(e.getKey(), e.getKey().split(SEPARATOR).length - 1,
                e.getValue().directAccounts, e.getValue().accounts, e.getValue().functions, e.getValue().open,
                e.getValue().paths)).toList();
    }

    private static boolean known(String ouPath) {
        return ouPath != null && !ouPath.isBlank();
    }

    /** Applies {@code add} to the OU and every OU above it. */
    private static void eachLevel(String ouPath, Map<String, Totals> byOu, Consumer<Totals> add) {
        String[] segments = ouPath.split(SEPARATOR);
        for (int n = 1; n <= segments.length; n++) {
            add.accept(byOu.computeIfAbsent(String.join(SEPARATOR, Arrays.copyOf(segments, n)), k -> new Totals()));
        }
    }

    private static final class Totals {
        int directAccounts;
        int accounts;
        int functions;
        final Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        final Map<RiskTier, Integer> paths = new EnumMap<>(RiskTier.class);
    }
}
