package io.lambdaguardrails.cli;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;

import java.util.List;
import java.util.logging.Handler;

/**
 * Sends the console's log lines through the progress bar, which clears itself before a line and draws itself again
 * after it, so no line is written onto the bar.
 */
final class LogAboveBar extends ExtHandler {

    private static final Object LOCK = new Object();
    private static List<Handler> replaced = List.of();

    private final Handler console;
    private final ProgressBar bar;

    private LogAboveBar(Handler console, ProgressBar bar) {
        this.console = console;
        this.bar = bar;
    }

    static void install(ProgressBar bar) {
        synchronized (LOCK) {
            var root = LogContext.getLogContext().getLogger("");
            replaced = List.of(root.getHandlers());
            for (Handler handler : replaced) {
                root.removeHandler(handler);
                root.addHandler(new LogAboveBar(handler, bar));
            }
        }
    }

    static void uninstall() {
        synchronized (LOCK) {
            var root = LogContext.getLogContext().getLogger("");
            for (Handler handler : root.getHandlers()) {
                if (handler instanceof LogAboveBar) {
                    root.removeHandler(handler);
                }
            }
            replaced.forEach(root::addHandler);
            replaced = List.of();
        }
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        bar.log(() -> {
            console.publish(record);
            console.flush();
        });
    }

    @Override
    public void flush() {
        console.flush();
    }
}
