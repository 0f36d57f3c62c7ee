package io.lambdaguardrails.job;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A snapshot saved by {@code scan --save-inventory}, read back for {@code evaluate}: the current schema, or schema 1,
 * whose null lists the snapshot records take as not collected and whose part names ({@code "resourcePolicy"}) and
 * AWS values ({@code "PassThrough"}) are turned into the enum constants ({@code RESOURCE_POLICY}, {@code PASS_THROUGH})
 * here.
 */
public final class SavedInventory {

    private SavedInventory() {
    }

    public static void write(Path file, Snapshot snapshot) throws IOException {
        Json.mapper().writeValue(file.toFile(), snapshot);
    }

    /**
     * The current schema is read straight into the snapshot records, without a tree of the whole file in between
     * (for 50,000 functions the tree alone would take more memory than the evaluation); schema 1 through a tree
     * that is upgraded first.
     *
     * @throws UnsupportedSchema when the file was written by a newer version
     */
    public static Snapshot read(Path file) throws IOException {
        int version = schemaVersion(file);
        if (version > Snapshot.SCHEMA_VERSION || version < 1) {
            throw new UnsupportedSchema(version);
        }
        if (version == Snapshot.SCHEMA_VERSION) {
            return Json.mapper().readValue(file.toFile(), Snapshot.class);
        }
        JsonNode root = Json.mapper().readTree(file.toFile());
        if (root instanceof ObjectNode snapshot) {
            upgradeFromVersion1(snapshot);
        }
        return Json.mapper().treeToValue(root, Snapshot.class);
    }

    /** The top-level {@code schemaVersion} (written first), or 0 when there is none. */
    private static int schemaVersion(Path file) throws IOException {
        try (JsonParser parser = Json.mapper().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("schemaVersion")) {
                    return parser.currentToken().isNumeric() ? parser.getValueAsInt(0) : 0;
                }
                parser.skipChildren();
            }
            return 0;
        }
    }

    /** The schema version is one this build does not read. */
    public static final class UnsupportedSchema extends IOException {
        public UnsupportedSchema(int version) {
            super("inventory schema version " + version + " is not one this version reads (1 to "
                    + Snapshot.SCHEMA_VERSION + ")");
        }
    }

    private static void upgradeFromVersion1(ObjectNode snapshot) {
        snapshot.put("schemaVersion", Snapshot.SCHEMA_VERSION);
        for (JsonNode account : snapshot.path("accounts")) {
            for (JsonNode region : account.path("regions")) {
                for (JsonNode function : region.path("functions")) {
                    upgradePartNames(function);
                    upgradeEnum(function, "packageType");
                    upgradeEnum(function, "tracingMode");
                }
                upgradePartNames(region.path("network"));
            }
        }
    }

    private static void upgradePartNames(JsonNode record) {
        if (record.path("notCollected") instanceof ArrayNode parts) {
            for (int i = 0; i < parts.size(); i++) {
                parts.set(i, parts.textNode(constant(parts.get(i).asText())));
            }
        }
    }

    /** AWS's value as schema 1 kept it ({@code "PassThrough"}), as the snapshot enum's constant. */
    private static void upgradeEnum(JsonNode record, String field) {
        if (record.get(field) != null && record.get(field).isTextual() && record instanceof ObjectNode object) {
            object.put(field, constant(record.get(field).asText()));
        }
    }

    /** {@code "flowLogs"} → {@code "FLOW_LOGS"}, {@code "PassThrough"} → {@code "PASS_THROUGH"}. */
    private static String constant(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
