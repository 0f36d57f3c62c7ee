package io.lambdaguardrails.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.text.DisplayText;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per log line, for CloudWatch Logs and Kubernetes log pipelines ({@code --log-format json}). */
final class JsonLogFormatter extends ExtFormatter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String format(ExtLogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
        line.put("level", record.getLevel().getName());
        line.put("logger", record.getLoggerName());
        line.put("thread", record.getThreadName());
        line.put("message", DisplayText.escape(formatMessage(record)));
        if (record.getThrown() != null) {
            line.put("error", record.getThrown().getClass().getName());
        }
        try {
            return MAPPER.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unformattable log record\"}" + System.lineSeparator();
        }
    }
}
