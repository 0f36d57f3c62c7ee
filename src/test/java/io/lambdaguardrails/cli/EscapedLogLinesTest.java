package io.lambdaguardrails.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.scan.LoggingScanListener;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines carry names from AWS accounts: their control and direction characters are written escaped. */
class EscapedLogLinesTest {

    private static final String HOSTILE = "prod\u202Etxt.exe \u001B[31mred\u0007";
    private static final String SHOWN = "prod\\u202Etxt.exe \\u001B[31mred\\u0007";

    @Test
    void jsonLinesCarryTheMessageEscaped() throws Exception {
        var record = new ExtLogRecord(Level.WARNING, "account %s", ExtLogRecord.FormatStyle.PRINTF,
                EscapedLogLinesTest.class.getName());
        record.setParameters(new Object[] {HOSTILE});
        record.setLoggerName("io.lambdaguardrails.scan");

        String line = new JsonLogFormatter().format(record);

        assertThat(line.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("account " + SHOWN);
    }

    @Test
    void theAccountLineShowsTheNameEscaped() {
        List<String> messages = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.lambdaguardrails.scan");
        logger.addHandler(capture);
        try {
            new LoggingScanListener().accountFinished(new AccountInventory("111111111111", HOSTILE, true,
                    Instant.EPOCH, Instant.EPOCH, null, null, List.of()), io.lambdaguardrails.scan.AccountOutcome.SCANNED, 1, 1);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(messages).singleElement().asString().contains("account 111111111111 (" + SHOWN + ")")
                .doesNotContain("\u202E", "\u001B", "\u0007");
    }
}
