package io.lambdaguardrails.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.text.DisplayText;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per log line, for CloudWatch Logs and Kubernetes log pipelines ({@code --log-format json}). The
 * line's context (an account's id, status, duration) becomes fields of the object. The command's own lines (errors,
 * the summary, the exit status) are written in the same shape with {@link #line}.
 */
final class JsonLogFormatter extends ExtFormatter {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Override
    public String format(ExtLogRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("logger", record.getLoggerName());
        fields.put("thread", record.getThreadName());
        record.getMdcCopy().forEach((key, value) -> fields.put(key, LoggingScanListener.NUMBER_FIELDS.contains(key)
                ? number(value) : value));
        if (record.getThrown() != null) {
            fields.put("error", record.getThrown().getClass().getName());
        }
        return line(Instant.ofEpochMilli(record.getMillis()), record.getLevel().getName(),
                DisplayText.escape(formatMessage(record)), fields)
                + System.lineSeparator();
    }

    /** A JSON log line: timestamp, level and message first, then {@code fields}. */
    static String line(Instant at, String level, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", at.toString());
        line.put("level", level);
        line.put("message", message);
        line.putAll(fields);
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unformattable log record\"}";
        }
    }

    private static Object number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
