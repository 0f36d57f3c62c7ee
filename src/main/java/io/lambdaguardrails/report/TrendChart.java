package io.lambdaguardrails.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A bar chart over runs, as shapes for an inline SVG: the geometry is computed here, at render time, and the template
 * only lays the shapes out (no script draws anything). Every bar has a {@code title} with its run and numbers, which
 * browsers show on hover and screen readers read; {@code summary} says the same in one sentence.
 */
public record TrendChart(int width, int height, List<Bar> bars, List<Label> labels, List<Legend> legend,
                         String summary) {

    /** A rectangle in the chart's coordinates; {@code cssClass} colours it. */
    public record Bar(double x, double y, double w, double h, String cssClass, String title) {
    }

    /** A piece of text (axis values, dates); {@code anchor} is SVG's text-anchor. */
    public record Label(double x, double y, String text, String anchor) {
    }

    public record Legend(String label, String cssClass) {
    }

    /** One series of a chart: what it counts and how it is coloured. */
    private record Series(String label, String cssClass, ToIntFunction<RunEntry> value) {
    }

    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 8;
    private static final int BOTTOM = 22;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public TrendChart {
        bars = List.copyOf(bars);
        labels = List.copyOf(labels);
        legend = List.copyOf(legend);
    }

    /** Open findings by severity per run, stacked with the worst at the bottom. */
    public static TrendChart openBySeverity(List<RunEntry> runs, int width, int height) {
        List<Series> series = ReportView.WORST_FIRST.stream()
                .map(s -> new Series(s.name(), ReportView.cssClass(s), (ToIntFunction<RunEntry>) r -> r.open(s)))
                .toList();
        return stacked(runs, width, height, series, "open findings");
    }

    /** Accounts fully evaluated per run, over the accounts scanned. */
    public static TrendChart accountsEvaluated(List<RunEntry> runs, int width, int height) {
        return stacked(runs, width, height, List.of(
                new Series("fully evaluated", "fully", RunEntry::accountsFullyEvaluated),
                new Series("not fully evaluated", "partly", r -> Math.max(0, r.accountsScanned() - r.accountsFullyEvaluated()))),
                "accounts");
    }

    private static TrendChart stacked(List<RunEntry> runs, int width, int height, List<Series> series, String what) {
        int max = Math.max(1, runs.stream().mapToInt(r -> series.stream().mapToInt(s -> s.value().applyAsInt(r)).sum())
                .max().orElse(0));
        double plot = height - TOP - BOTTOM;
        double step = slot(runs, width);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunEntry run = runs.get(i);
            double base = height - BOTTOM;
            for (Series s : series) {
                int value = s.value().applyAsInt(run);
                if (value == 0) {
                    continue;
                }
                double h = value * plot / max;
                base -= h;
                bars.add(new Bar(round(LEFT + i * step + gap(step)), round(base), round(barWidth(step)), round(h),
                        s.cssClass(), run.runId() + " (" + DAY.format(run.startedAt()) + "): " + value + " " + s.label()));
            }
        }
        RunEntry last = runs.isEmpty() ? null : runs.getLast();
        String summary = last == null ? "No runs yet."
                : runs.size() + " runs; the latest has " + series.stream()
                .map(s -> s.value().applyAsInt(last) + " " + s.label()).reduce((a, b) -> a + ", " + b).orElse("")
                + " " + what + ".";
        return new TrendChart(width, height, bars, axis(runs, width, height, Integer.toString(max), null),
                series.stream().map(s -> new Legend(s.label(), s.cssClass())).toList(), summary);
    }

    /** New findings above the line, resolved ones below it, per run. */
    public static TrendChart newAndResolved(List<RunEntry> runs, int width, int height) {
        int max = Math.max(1, runs.stream().mapToInt(r -> Math.max(r.newFindings(), r.resolvedFindings())).max().orElse(0));
        double half = (height - TOP - BOTTOM) / 2.0;
        double zero = TOP + half;
        double step = slot(runs, width);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunEntry run = runs.get(i);
            double x = round(LEFT + i * step + gap(step));
            String when = run.runId() + " (" + DAY.format(run.startedAt()) + "): ";
            if (run.newFindings() > 0) {
                double h = run.newFindings() * half / max;
                bars.add(new Bar(x, round(zero - h), round(barWidth(step)), round(h), "new", when + run.newFindings() + " new"));
            }
            if (run.resolvedFindings() > 0) {
                double h = run.resolvedFindings() * half / max;
                bars.add(new Bar(x, round(zero), round(barWidth(step)), round(h), "resolved",
                        when + run.resolvedFindings() + " resolved"));
            }
        }
        // Signed, so the two ends of the scale do not read as the same number.
        List<Label> labels = new ArrayList<>(axis(runs, width, height, "+" + max, "\u2212" + max));
        int newTotal = runs.stream().mapToInt(RunEntry::newFindings).sum();
        int resolvedTotal = runs.stream().mapToInt(RunEntry::resolvedFindings).sum();
        return new TrendChart(width, height, bars, labels,
                List.of(new Legend("new", "new"), new Legend("resolved", "resolved")),
                runs.size() + " runs: " + newTotal + " new and " + resolvedTotal + " resolved findings in all.");
    }

    /**
     * The top value, zero (in the middle when {@code below} labels the bottom of a scale that goes under the line),
     * and the dates of the first and last run.
     */
    private static List<Label> axis(List<RunEntry> runs, int width, int height, String top, String below) {
        List<Label> labels = new ArrayList<>();
        double bottom = height - BOTTOM;
        labels.add(new Label(LEFT - 6, TOP + 10, top, "end"));
        if (below != null) {
            labels.add(new Label(LEFT - 6, TOP + (bottom - TOP) / 2 + 4, "0", "end"));
            labels.add(new Label(LEFT - 6, bottom, below, "end"));
        } else {
            labels.add(new Label(LEFT - 6, bottom, "0", "end"));
        }
        if (!runs.isEmpty()) {
            labels.add(new Label(LEFT, height - 6, DAY.format(runs.getFirst().startedAt()), "start"));
            if (runs.size() > 1) {
                labels.add(new Label(width - RIGHT, height - 6, DAY.format(runs.getLast().startedAt()), "end"));
            }
        }
        return labels;
    }

    /** The y of the chart's base line, for the template's axis line. */
    public double baseline() {
        return height - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return width - RIGHT;
    }

    public int top() {
        return TOP;
    }

    private static double slot(List<RunEntry> runs, int width) {
        return (width - LEFT - RIGHT) / (double) Math.max(runs.size(), 1);
    }

    private static double gap(double step) {
        return step > 4 ? step * 0.1 : 0;
    }

    private static double barWidth(double step) {
        return step > 4 ? step * 0.8 : step;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
