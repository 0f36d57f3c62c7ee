package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Severity;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code index.html} shows, computed from a {@link RunHistory}: the latest run, four charts, the runs newest
 * first with links to their reports, and the months summarised. Links are relative to the output root and only ever
 * point into a run folder ({@code runs/YYYY/MM/DD/<runId>/<file>}); a history entry naming anything else gets no link.
 */
public record RunsIndexView(
        RunRow latest,
        int runCount,
        List<ChartSection> charts,
        List<AccountGrowth> growth,
        int growthWindow,
        List<RunRow> runs,
        List<MonthRow> months,
        List<String> severities) {

    /** Runs over which the accounts' growth is measured. */
    public static final int GROWTH_WINDOW = 30;
    private static final Pattern REPORT_KEY = Pattern.compile(
            "runs/\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}/[a-z][a-z.]{0,40}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public static RunsIndexView of(RunHistory history) {
        List<RunEntry> runs = history.runs();
        List<RunRow> rows = new ArrayList<>(runs.stream().map(RunsIndexView::row).toList());
        java.util.Collections.reverse(rows);
        return new RunsIndexView(rows.isEmpty() ? null : rows.getFirst(), runs.size(),
                List.of(new ChartSection("open-trend", "Open findings by severity",
                                TrendChart.openBySeverity(runs, 800, 220)),
                        new ChartSection("drift-trend", "New and resolved findings per run",
                                TrendChart.newAndResolved(runs, 800, 180)),
                        new ChartSection("accounts-trend", "Accounts fully evaluated per run",
                                TrendChart.accountsEvaluated(runs, 800, 160))),
                growth(history), GROWTH_WINDOW, rows,
                history.months().reversed().stream().map(m -> new MonthRow(m.month(), m.runs(), m.lastRunId(),
                        counts(m.lastOpen()), m.lastAccountsFullyEvaluated(), m.newFindings(), m.resolvedFindings())).toList(),
                ReportView.WORST_FIRST.stream().map(Severity::name).toList());
    }

    /** A chart with its section's anchor and heading. */
    public record ChartSection(String id, String heading, TrendChart chart) {
    }

    /** One run's line: its counts worst severity first, and the links to its reports. */
    public record RunRow(String runId, String started, String finished, int accountsScanned,
                         int accountsFullyEvaluated, List<Count> open, int openTotal, int newFindings,
                         int resolvedFindings, int riskPaths, int coverageGaps, String reportHref,
                         List<Link> files) {
    }

    public record Count(String label, String cssClass, int value) {
    }

    public record Link(String label, String href) {
    }

    public record MonthRow(String month, int runs, String lastRunId, List<Count> lastOpen,
                           int lastAccountsFullyEvaluated, int newFindings, int resolvedFindings) {
    }

    /**
     * An account whose open HIGH and CRITICAL findings grew over the window; {@code barPercent} is its growth against
     * the largest one.
     */
    public record AccountGrowth(String accountId, String accountName, int from, int to, int growth, int barPercent) {
    }

    private static RunRow row(RunEntry run) {
        List<Link> files = run.reports().entrySet().stream()
                .filter(e -> REPORT_KEY.matcher(e.getValue()).matches())
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new Link(e.getKey(), e.getValue())).toList();
        String report = files.stream().filter(l -> l.label().equals(ReportFormat.HTML.fileName()))
                .map(Link::href).findFirst().orElse(null);
        return new RunRow(run.runId(), TIME.format(run.startedAt()),
                run.finishedAt() == null ? "" : TIME.format(run.finishedAt()), run.accountsScanned(),
                run.accountsFullyEvaluated(), counts(run.open()), run.openTotal(), run.newFindings(),
                run.resolvedFindings(), run.riskPaths().values().stream().mapToInt(Integer::intValue).sum(),
                run.coverageGaps(), report, files);
    }

    static List<Count> counts(java.util.Map<Severity, Integer> open) {
        return ReportView.WORST_FIRST.stream()
                .map(s -> new Count(s.name(), ReportView.cssClass(s), open.getOrDefault(s, 0))).toList();
    }

    /** The ten accounts whose open HIGH and CRITICAL findings grew most from the first to the last run of the window. */
    static List<AccountGrowth> growth(RunHistory history) {
        List<RunEntry> window = history.last(GROWTH_WINDOW);
        if (window.size() < 2) {
            return List.of();
        }
        RunEntry first = window.getFirst();
        RunEntry last = window.getLast();
        Set<String> accounts = new HashSet<>(first.highCriticalByAccount().keySet());
        accounts.addAll(last.highCriticalByAccount().keySet());
        List<AccountGrowth> grown = accounts.stream()
                .map(id -> new AccountGrowth(id, history.accountNames().getOrDefault(id, ""), first.highCritical(id),
                        last.highCritical(id), last.highCritical(id) - first.highCritical(id), 0))
                .filter(g -> g.growth() > 0)
                .sorted(Comparator.comparingInt(AccountGrowth::growth).reversed()
                        .thenComparing(Comparator.comparingInt(AccountGrowth::to).reversed())
                        .thenComparing(AccountGrowth::accountId))
                .limit(10).toList();
        int most = grown.isEmpty() ? 1 : grown.getFirst().growth();
        return grown.stream().map(g -> new AccountGrowth(g.accountId(), g.accountName(), g.from(), g.to(), g.growth(),
                Math.max(2, 100 * g.growth() / most))).toList();
    }
}
