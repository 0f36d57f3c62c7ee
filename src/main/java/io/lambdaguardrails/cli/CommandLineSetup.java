package io.lambdaguardrails.cli;

import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.rules.config.ConfigException;
import io.lambdaguardrails.scan.ScanException;
import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import picocli.CommandLine;

/**
 * Exit codes for everything that is not a command's own return value: bad options are usage errors (2), a
 * {@link ScanException} (bad targets, no credentials) and {@link ConfigException} (a bad guardrails.yaml) are
 * configuration errors (2), anything else unexpected is an internal error (4) — never 1,
 * which means "findings".
 */
@ApplicationScoped
public class CommandLineSetup {

    private static final Logger LOG = Logger.getLogger(CommandLineSetup.class);

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create()
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(e -> ExitStatus.NOT_DELIVERED.code())
                .setParameterExceptionHandler((ex, args) -> {
                    var err = ex.getCommandLine().getErr();
                    err.println("error: " + ex.getMessage());
                    err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                    return ExitStatus.USAGE.code();
                })
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    if (ex instanceof ScanException || ex instanceof ConfigException) {
                        cmd.getErr().println("error: " + ex.getMessage());
                        return ExitStatus.USAGE.code();
                    }
                    LOG.error("internal error", ex);
                    cmd.getErr().println("internal error: " + ex.getClass().getSimpleName()
                            + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
                    return ExitStatus.NOT_DELIVERED.code();
                });
    }
}
