package io.lambdaguardrails.cli;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.scan.AccountOutcome;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar as a terminal shows it: what is written is played on a small screen model ({@code \r} back to the start of
 * the line, {@code ESC[K} clears to its end, {@code \n} a new line), with a clock the test moves.
 */
class ProgressBarTest {

    static final Instant START = Instant.parse("2026-12-02T10:00:00Z");
    static final int COLUMNS = 100;

    final MovableClock clock = new MovableClock();
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    final ProgressBar bar = new ProgressBar(new PrintStream(written, true, StandardCharsets.UTF_8), clock, () -> COLUMNS);

    @Test
    void aLogLineIsWrittenAboveTheBarNotOntoIt() {
        bar.targetsResolved(4);
        bar.log(() -> written.writeBytes("WARN account 111111111111: cannot assume role\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(screen()).first().isEqualTo("WARN account 111111111111: cannot assume role");
        assertThat(screen()).hasSize(2).last().asString().startsWith("[....................] 0/4 accounts · 00:00 elapsed · collecting");
    }

    @Test
    void elapsedTimeAndEtaMoveWithTheClockWhileAnAccountRuns() {
        bar.targetsResolved(4);
        bar.accountStarted("111111111111");
        clock.advance(Duration.ofSeconds(30));
        bar.accountFinished(account("111111111111"), AccountOutcome.SCANNED, 1, 4);
        assertThat(lastLine()).contains("00:30 elapsed").contains("ETA 01:30");

        bar.accountStarted("222222222222");
        clock.advance(Duration.ofSeconds(45));
        bar.tick();

        assertThat(lastLine()).isEqualTo("[#####...............] 1/4 accounts · 01:15 elapsed · ETA 03:45 · collecting, 1 in flight");
    }

    @Test
    void phasesAfterCollectingThenNothingLeftOnTheScreen() {
        bar.targetsResolved(1);
        bar.accountStarted("111111111111");
        bar.accountFinished(account("111111111111"), AccountOutcome.TIMED_OUT, 1, 1);
        assertThat(lastLine()).contains("1/1 accounts · 00:00 elapsed · collecting, 1 timed out");
        bar.evaluating();
        assertThat(lastLine()).contains("evaluating rules");
        bar.writingReports();
        assertThat(lastLine()).contains("writing reports");

        bar.finished();
        clock.advance(Duration.ofSeconds(5));
        bar.tick();

        assertThat(screen()).as("the summary starts on a clean screen").containsExactly("");
    }

    @Test
    void neverWiderThanTheTerminal() {
        int columns = 48;
        ProgressBar bar = new ProgressBar(new PrintStream(written, true, StandardCharsets.UTF_8), clock, () -> columns);
        bar.targetsResolved(1000);
        for (int i = 0; i < 300; i++) {
            bar.accountStarted("a" + i);
        }
        bar.accountFinished(account("999999999999"), AccountOutcome.NOT_ENTERED, 1, 1000);

        String text = written.toString(StandardCharsets.UTF_8);
        for (String frame : text.split("\r\u001b\\[K")) {
            assertThat(frame.length()).as(frame).isLessThan(columns);
        }
        assertThat(text).doesNotContain("\n");
        assertThat(lastLine()).isEqualTo("[....................] 1/1000 accounts · 00:00…");
    }

    private String lastLine() {
        return screen().getLast();
    }

    /** The lines a terminal shows after playing what was written. */
    private List<String> screen() {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int column = 0;
        String text = written.toString(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                column = 0;
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                column = 0;
            } else if (text.startsWith("\u001b[K", i)) {
                line.setLength(column);
                i += 2;
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static AccountInventory account(String id) {
        return new AccountInventory(id, id, true, START, START, null, null, List.of());
    }

    static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
