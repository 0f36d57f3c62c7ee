package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the two JSON files users hand to the CLI apart — a {@code findings.json} (for {@code render}) and an
 * inventory (for {@code evaluate}) — and describes a JSON error by place, never with a Java class name or the
 * file's content.
 */
public enum JsonFileKind {
    FINDINGS("a findings file (findings.json): use 'render FILE --output DIR'"),
    INVENTORY("an inventory (written by scan --save-inventory): use 'evaluate --inventory FILE'"),
    OTHER("neither a findings.json nor an inventory");

    private final String description;

    JsonFileKind(String description) {
        this.description = description;
    }

    /** What it is and which command reads it. */
    public String description() {
        return description;
    }

    public static JsonFileKind of(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return OTHER;
        }
        Set<String> fields = new HashSet<>();
        tree.fieldNames().forEachRemaining(fields::add);
        return ofTopLevelFields(fields);
    }

    /**
     * The kind of a JSON file, read field by field without building its tree (an inventory of a large organisation
     * is hundreds of megabytes): stops as soon as the top-level fields tell.
     *
     * @throws JsonProcessingException when what it reads is not JSON
     */
    public static JsonFileKind of(Path file) throws IOException {
        try (JsonParser parser = Json.mapper().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return OTHER;
            }
            Set<String> fields = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                fields.add(parser.currentName());
                if (ofTopLevelFields(fields) != OTHER) {
                    return ofTopLevelFields(fields);
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return OTHER;
        }
    }

    private static JsonFileKind ofTopLevelFields(Set<String> fields) {
        if (fields.contains("findings") && fields.contains("resolved")) {
            return FINDINGS;
        }
        if (fields.contains("org") && fields.contains("accounts") && fields.contains("collectedAt")) {
            return INVENTORY;
        }
        return OTHER;
    }

    /** "not valid JSON at line 3, column 7" or "unexpected value at accounts[0].regions". */
    public static String problem(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return "unexpected value at " + m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
        JsonLocation at = e.getLocation();
        return "not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }
}
