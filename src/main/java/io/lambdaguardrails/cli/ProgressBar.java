package io.lambdaguardrails.cli;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.scan.AccountOutcome;
import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.scan.ScanListener;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A one-line progress bar on a terminal: accounts done of total, the phase, elapsed time and ETA. It is redrawn on a
 * timer, so the clock moves while a long account runs; log lines are written above it ({@link #log}); it never wraps
 * (a wrapped line cannot be redrawn in place), and it clears itself when the run is over.
 */
final class ProgressBar implements ScanListener {

    private static final int BAR = 20;
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream out;
    private final Clock clock;
    private final IntSupplier columns;
    private final Instant started;
    private ScheduledExecutorService timer;
    private int total;
    private int done;
    private int running;
    private int timedOut;
    private int notEntered;
    private String phase = "discovering accounts";
    private boolean shown;

    ProgressBar(PrintStream out, Clock clock, IntSupplier columns) {
        this.out = out;
        this.clock = clock;
        this.columns = columns;
        this.started = clock.instant();
    }

    /**
     * A terminal gets a bar, redrawn every second, with log lines above it; anything else (a file, CloudWatch,
     * kubectl logs) one log line per account.
     */
    static ScanListener forConsole() {
        if (!Terminal.interactive()) {
            return new LoggingScanListener();
        }
        ProgressBar bar = new ProgressBar(System.err, Clock.systemUTC(), Terminal::columns);
        LogAboveBar.install(bar);
        bar.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("progress").factory());
        bar.timer.scheduleAtFixedRate(bar::tick, 1, 1, TimeUnit.SECONDS);
        return bar;
    }

    @Override
    public synchronized void targetsResolved(int accounts) {
        total = accounts;
        phase = "collecting";
        draw();
    }

    @Override
    public synchronized void accountStarted(String accountId) {
        running++;
        draw();
    }

    @Override
    public synchronized void accountFinished(AccountInventory account, AccountOutcome outcome, int done, int all) {
        running--;
        this.done = done;
        switch (outcome) {
            case TIMED_OUT -> timedOut++;
            case NOT_ENTERED -> notEntered++;
            case SCANNED -> { }
        }
        draw();
    }

    @Override
    public synchronized void evaluating() {
        phase = "evaluating rules";
        draw();
    }

    @Override
    public synchronized void writingReports() {
        phase = "writing reports";
        draw();
    }

    /** Clears the bar and stops the timer: the summary starts on a clean line. */
    @Override
    public synchronized void finished() {
        if (timer != null) {
            timer.shutdownNow();
        }
        LogAboveBar.uninstall();
        clear();
        phase = null;
    }

    /** Redraws with the time as it is now (the timer calls this every second). */
    synchronized void tick() {
        if (phase != null) {
            draw();
        }
    }

    /** Writes a log line above the bar: the bar is cleared first and drawn again below the line. */
    synchronized void log(Runnable writeLine) {
        clear();
        writeLine.run();
        if (phase != null) {
            draw();
        }
    }

    private void clear() {
        if (shown) {
            out.print(CLEAR_LINE);
            out.flush();
            shown = false;
        }
    }

    private void draw() {
        out.print(CLEAR_LINE + fit(line()));
        out.flush();
        shown = true;
    }

    String line() {
        Duration elapsed = Duration.between(started, clock.instant());
        StringBuilder line = new StringBuilder();
        if (total > 0) {
            int filled = done * BAR / total;
            line.append('[').append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
                    .append(done).append('/').append(total).append(" accounts · ");
        }
        // Time first: when the terminal is narrow, the phase's detail is what gets cut.
        line.append(clock(elapsed)).append(" elapsed");
        if (done > 0 && done < total) {
            line.append(" · ETA ").append(clock(elapsed.multipliedBy(total - done).dividedBy(done)));
        }
        line.append(" · ").append(phase);
        if (done < total && running > 0) {
            line.append(", ").append(running).append(" in flight");
        }
        if (timedOut > 0) {
            line.append(", ").append(timedOut).append(" timed out");
        }
        if (notEntered > 0) {
            line.append(", ").append(notEntered).append(" not entered");
        }
        return line.toString();
    }

    /** One column short of the terminal: a line that fills the last column wraps on some terminals. */
    private String fit(String line) {
        int width = Math.max(10, columns.getAsInt() - 1);
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }

    private static String clock(Duration d) {
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
