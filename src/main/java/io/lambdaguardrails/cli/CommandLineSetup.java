package io.lambdaguardrails.cli;

import io.lambdaguardrails.job.ExitStatus;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Exit codes for everything that is not a command's own return value: bad options are usage errors (2), a failure
 * ends as {@link ExitStatus#forFailure} says (the same for every command), and anything else unexpected is an internal
 * error (4) — never 1, which means "findings".
 */
@ApplicationScoped
public class CommandLineSetup {

    private static final Logger LOG = Logger.getLogger(CommandLineSetup.class);

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(factory.create());
    }

    /** The case-insensitive enums, exit codes and error messages of every command. */
    static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(e -> ExitStatus.NOT_DELIVERED.code())
                .setParameterExceptionHandler((ex, args) -> {
                    String help = "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.";
                    return error(ex.getCommandLine().getErr(), args, ExitStatus.USAGE, "error: " + ex.getMessage(), help);
                })
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    String[] args = parsed.originalArgs().toArray(String[]::new);
                    Optional<ExitStatus> status = ExitStatus.forFailure(ex);
                    if (status.isPresent()) {
                        return error(cmd.getErr(), args, status.get(), "error: " + ex.getMessage(), null);
                    }
                    // The exception's class and stack are for whoever debugs, not for the person running a scan.
                    LOG.debug("internal error", ex);
                    return error(cmd.getErr(), args, ExitStatus.NOT_DELIVERED, "internal error: " + UnexpectedFailure.reason(ex),
                            cmd.getCommandSpec().findOption("--verbose") == null ? null
                                    : "Run again with --verbose for the details.");
                });
    }

    /** The error and, after it, a hint; with JSON logs one JSON line that carries both and the exit code. */
    private static int error(PrintWriter err, String[] args, ExitStatus status, String message, String hint) {
        if (LogFormat.requested(args)) {
            JsonSummary.exit(err, status.code(), hint == null ? message : message + " " + hint);
        } else {
            err.println(message);
            if (hint != null) {
                err.println(hint);
            }
            err.flush();
        }
        return status.code();
    }
}
