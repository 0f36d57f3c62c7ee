package io.lambdaguardrails.cli;

import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.job.JobOutcome;
import org.jboss.logmanager.LogContext;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.logging.Level;

/** How a command talks to the console: a progress bar or log lines, text or JSON, or almost nothing. */
public class ConsoleOptions {

    @Option(names = "--log-format", paramLabel = "text|json", description = "Log lines as text (default) or JSON objects, for CloudWatch Logs and Kubernetes; errors, the summary and the exit line are JSON too.", defaultValue = "text")
    LogFormat logFormat;

    @Option(names = {"-q", "--quiet"}, description = "Only warnings, errors and the final exit status; no progress, no summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also log debug details, such as the cause and stack of an internal error.")
    boolean verbose;

    /** Applies the log format and level; call first thing in a command. */
    public void apply() {
        logFormat.apply(quiet);
        if (verbose) {
            LogContext.getLogContext().getLogger("io.lambdaguardrails").setLevel(Level.FINE);
        }
    }

    /** A progress bar on a terminal (text logs only), else one log line per account; nothing when quiet. */
    public ScanListener progress() {
        if (quiet) {
            return ScanListener.NONE;
        }
        return logFormat == LogFormat.TEXT ? ProgressBar.forConsole() : new LoggingScanListener();
    }

    /** JSON logs are for log pipelines, which also take the run's metrics line (CloudWatch EMF). */
    public boolean jsonLogs() {
        return logFormat == LogFormat.JSON;
    }

    /**
     * The run's summary: text for a person, with pre-signed links only when a person is at the terminal; with JSON
     * logs one JSON summary line (links included, for whoever reads the pipeline) and one JSON exit line.
     */
    void printOutcome(PrintWriter out, JobOutcome outcome) {
        if (jsonLogs()) {
            JsonSummary.print(out, outcome, quiet);
        } else {
            new RunSummary(out, quiet, Terminal.interactive()).print(outcome);
        }
    }

    public boolean quiet() {
        return quiet;
    }
}
