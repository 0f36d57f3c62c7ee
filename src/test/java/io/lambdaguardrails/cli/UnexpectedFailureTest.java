package io.lambdaguardrails.cli;

import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure nobody planned for ends with exit 4 and its message on one line, without the exception's Java class;
 * the class and its stack go to the debug log, which {@code --verbose} shows.
 */
class UnexpectedFailureTest {

    private static final Pattern JAVA_CLASS = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.\\w+\\.");
    private static final String LOGGER = "io.lambdaguardrails.cli.CommandLineSetup";

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record) && LogContext.getLogContext().getLogger(LOGGER).isLoggable(record.getLevel())) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    /** A command that fails as a bug would. Not a {@code @Command}, which the application would take for its own. */
    static class Failing implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConsoleOptions console;

        RuntimeException failure;

        @Override
        public Integer call() {
            console.apply();
            throw failure;
        }
    }

    @AfterEach
    void restoreLevels() {
        LogContext.getLogContext().getLogger("io.lambdaguardrails").setLevel(null);
        LogContext.getLogContext().getLogger(LOGGER).removeHandler(capture);
    }

    @Test
    void saysWhatFailedWithoutItsJavaClass() {
        String err = run(new IllegalStateException("the report cache is closed"));

        assertThat(err.lines()).containsExactly("internal error: the report cache is closed",
                "Run again with --verbose for the details.");
    }

    @Test
    void takesTheCauseOutOfAWrapperThatQuotesItsClass() {
        assertThat(run(new UncheckedIOException(new IOException("No space left on device"))))
                .startsWith("internal error: No space left on device\n");
        assertThat(run(new RuntimeException(new IllegalArgumentException("bad bucket name"))))
                .startsWith("internal error: bad bucket name\n");
    }

    @Test
    void aFailureWithoutAnyMessageStillNamesNoClass() {
        String err = run(new NullPointerException());

        assertThat(err).startsWith("internal error: an unexpected failure with no message");
        assertThat(JAVA_CLASS.matcher(err).find()).as(err).isFalse();
    }

    @Test
    void verboseLogsTheClassAndStackAtDebug() {
        LogContext.getLogContext().getLogger(LOGGER).addHandler(capture);
        IllegalStateException failure = new IllegalStateException("the report cache is closed");

        run(failure);
        assertThat(logged).as("not logged without --verbose").isEmpty();

        String err = run(failure, "--verbose");
        assertThat(JAVA_CLASS.matcher(err).find()).as(err).isFalse();
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel().intValue()).isLessThan(Level.INFO.intValue());
            assertThat(record.getThrown()).isSameAs(failure);
        });
    }

    private static String run(RuntimeException failure, String... args) {
        StringWriter err = new StringWriter();
        Failing command = new Failing();
        command.failure = failure;
        CommandLine commandLine = CommandLineSetup.configure(new CommandLine(command))
                .setErr(new PrintWriter(err));
        assertThat(commandLine.execute(args)).isEqualTo(4);
        String text = err.toString();
        assertThat(JAVA_CLASS.matcher(text).find()).as("no Java class names in: %s", text).isFalse();
        return text;
    }
}
