package io.lambdaguardrails.cli;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;

import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * How the CLI logs: {@code text} for people, {@code json} lines for log pipelines. Chosen by a command option, so the
 * console handler's formatter is switched at run time rather than through start-up configuration.
 */
enum LogFormat {
    TEXT, JSON;

    void apply(boolean quiet) {
        var root = LogContext.getLogContext().getLogger("");
        if (quiet) {
            LogContext.getLogContext().getLogger("io.lambdaguardrails").setLevel(Level.WARNING);
        }
        if (this == JSON) {
            for (Handler handler : root.getHandlers()) {
                useJson(handler);
            }
        }
    }

    /**
     * Whether the arguments ask for JSON logs, read from the raw arguments: an error found while parsing them (or
     * before a command applied its options) is reported in the format asked for.
     */
    static boolean requested(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equalsIgnoreCase("--log-format=json")
                    || args[i].equals("--log-format") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json")) {
                return true;
            }
        }
        return false;
    }

    private static void useJson(Handler handler) {
        handler.setFormatter(new JsonLogFormatter());
        if (handler instanceof ExtHandler ext) {
            for (Handler nested : ext.getHandlers()) {
                useJson(nested);
            }
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
