package io.lambdaguardrails.cli;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.scan.ScanListener;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar on a terminal: accounts done of total, what is happening, elapsed time and ETA. */
final class ProgressBar implements ScanListener {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final Instant started = Instant.now();
    private final AtomicInteger running = new AtomicInteger();
    private volatile int total;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A terminal gets a bar; anything else (a file, CloudWatch, kubectl logs) one log line per account. */
    static ScanListener forConsole() {
        return onTerminal() ? new ProgressBar(System.err) : new LoggingScanListener();
    }

    /**
     * Built for Java 21, where {@code System.console()} is null unless attached to a terminal; from Java 22 it always
     * exists and {@code Console.isTerminal()} (looked up reflectively) tells.
     */
    private static boolean onTerminal() {
        var console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void targetsResolved(int accounts) {
        total = accounts;
        draw(0, "discovered " + accounts + " account(s)");
    }

    @Override
    public void accountStarted(String accountId) {
        running.incrementAndGet();
    }

    @Override
    public void accountFinished(AccountInventory account, int done, int all) {
        running.decrementAndGet();
        draw(done, done == all ? "evaluating rules" : "collecting, " + running.get() + " account(s) in flight");
        if (done == all) {
            out.println();
        }
    }

    private synchronized void draw(int done, String phase) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        Duration elapsed = Duration.between(started, Instant.now());
        String eta = done == 0 || done == total ? "--:--" : clock(elapsed.multipliedBy(total - done).dividedBy(done));
        out.printf("\r[%s%s] %d/%d accounts · %s · %s elapsed · ETA %s\u001b[K", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, phase, clock(elapsed), eta);
        out.flush();
    }

    private static String clock(Duration d) {
        return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
