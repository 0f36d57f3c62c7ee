package io.lambdaguardrails.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final List<RunEntry> RUNS = List.of(RunHistoryTest.run(0, 3), RunHistoryTest.run(1, 4));

    private static List<String> axisValues(TrendChart chart) {
        // The value labels stand left of the plot; the dates stand under it.
        return chart.labels().stream().filter(l -> l.x() < chart.left())
                .map(TrendChart.Label::text).toList();
    }

    @Test
    void newAndResolvedSignsBothEndsOfItsScaleSoTheyDoNotReadAsTheSameNumber() {
        // Each run: 1 new, 2 resolved; the scale runs from +2 (new) through 0 to -2 (resolved).
        TrendChart chart = TrendChart.newAndResolved(RUNS, 600, 160);

        assertThat(axisValues(chart)).containsExactly("+2", "0", "\u22122");
        assertThat(chart.bars()).extracting(TrendChart.Bar::cssClass).containsExactly("new", "resolved", "new", "resolved");
    }

    @Test
    void aStackedChartCountsUpFromZeroUnsigned() {
        TrendChart chart = TrendChart.openBySeverity(RUNS, 600, 160);

        // Run 1: 4 CRITICAL + 1 LOW open.
        assertThat(axisValues(chart)).containsExactly("5", "0");
    }
}
