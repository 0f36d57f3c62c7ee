package io.lambdaguardrails.report;

import java.util.List;

/**
 * A report's trend strip: the organisation's open findings by severity over its last {@value #RUNS} runs, oldest
 * first and the report's own run last, taken from {@code history.json} before the report is drawn — or, with no
 * runs, the {@code note} saying why there is no strip. A split view shows the organisation's trend too. The strip is
 * drawn by the same {@link TrendChart} as the runs index.
 */
public record ReportTrend(List<RunEntry> runs, String note) {

    /** Runs the strip shows. */
    public static final int RUNS = 30;
    private static final int WIDTH = 600;
    private static final int HEIGHT = 120;

    /** A report rendered from a findings.json on its own ({@code render}): there is no output root to keep a history. */
    public static final ReportTrend NOT_AT_AN_OUTPUT = new ReportTrend(List.of(),
            "No run history: this report was rendered on its own, not published to an output that keeps one.");
    /** A shard's partial result: only the merged run joins the history. */
    public static final ReportTrend PARTIAL_RESULT = new ReportTrend(List.of(),
            "No trend: a shard's partial result is not added to the run history; the merged run's report shows it.");

    public ReportTrend {
        runs = List.copyOf(runs);
    }

    /** The last {@value #RUNS} runs of a history that already holds the report's own run. */
    public static ReportTrend of(RunHistory history) {
        return new ReportTrend(history.last(RUNS), null);
    }

    /** The history could not be read (a network error, access denied): no strip, rather than a guessed one. */
    public static ReportTrend unreadable(String problem) {
        return new ReportTrend(List.of(), "The trend could not be read, so none is shown: " + problem + ".");
    }

    public boolean shown() {
        return !runs.isEmpty();
    }

    public boolean firstRun() {
        return runs.size() == 1;
    }

    public TrendChart chart() {
        return TrendChart.openBySeverity(runs, WIDTH, HEIGHT);
    }

    /** The numbers behind the bars, newest first, for readers of the table rather than the picture. */
    public List<Row> rows() {
        return runs.reversed().stream().map(r -> new Row(r.runId(), TrendChart.DAY.format(r.startedAt()),
                RunsIndexView.counts(r.open()), r.openTotal())).toList();
    }

    public record Row(String runId, String day, List<RunsIndexView.Count> open, int total) {
    }
}
