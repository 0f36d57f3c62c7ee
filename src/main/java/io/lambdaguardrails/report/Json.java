package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;

/**
 * The project's one JSON configuration, shared by {@code findings.json}, saved inventories and the Lambda handler:
 * instants as ISO-8601 text, dates as {@code yyyy-MM-dd}, durations as ISO-8601 ({@code PT10M}), enums by name,
 * record components in declaration order and map entries sorted by key, so the same data always gives the same bytes;
 * indented output; unknown fields rejected.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private Json() {
    }

    /** The shared, fully configured mapper. Thread-safe; do not reconfigure it — call {@link #configure} on your own. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the project's settings to a mapper (for instance the one Quarkus injects). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Streams {@code items} to {@code out} as one indented JSON array, an item at a time, leaving {@code out} open: the
     * exchange formats of a large run are never held in memory as a whole.
     */
    public static void writeArray(Stream<? extends JsonNode> items, OutputStream out) throws IOException {
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            generator.writeStartArray();
            var each = items.iterator();
            while (each.hasNext()) {
                MAPPER.writeTree(generator, each.next());
            }
            generator.writeEndArray();
        }
    }

    /**
     * A writer whose output can sit inside an HTML {@code <script>} element: {@code <}, {@code >} and {@code &} become
     * {@code \u003c}-style escapes, so no value can close the element or open a comment.
     */
    public static ObjectWriter scriptSafeWriter() {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).with(ScriptSafeEscapes.INSTANCE);
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
        private final int[] escapes;

        private ScriptSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
