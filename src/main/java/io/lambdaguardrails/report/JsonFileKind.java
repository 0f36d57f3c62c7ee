package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

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
        if (tree != null && tree.isObject() && tree.has("findings") && tree.has("resolved")) {
            return FINDINGS;
        }
        if (tree != null && tree.isObject() && tree.has("org") && tree.has("accounts") && tree.has("collectedAt")) {
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
