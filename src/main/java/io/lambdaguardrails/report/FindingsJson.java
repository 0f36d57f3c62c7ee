package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** {@code findings.json}: the whole {@link ScanResult}, pretty-printed, in the schema of {@code findings.schema.md}. */
public final class FindingsJson {

    private FindingsJson() {
    }

    public static byte[] write(ScanResult result) {
        var bytes = new ByteArrayOutputStream();
        try {
            write(result, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Streams the file to {@code out}, leaving it open; the result is never held as a whole in memory. */
    public static void write(ScanResult result, OutputStream out) throws IOException {
        try {
            Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the scan result", e);
        }
    }

    /**
     * Reads a {@code findings.json}. Fields added later within the same schema version are ignored; a file of a newer
     * schema version is refused rather than half understood.
     *
     * @throws InvalidFindingsException when the bytes are not a findings.json this version can read
     */
    public static ScanResult read(byte[] json) {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidFindingsException("not a JSON object");
            }
            if (JsonFileKind.of(tree) == JsonFileKind.INVENTORY) {
                throw new InvalidFindingsException("this is " + JsonFileKind.INVENTORY.description());
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new InvalidFindingsException("no schemaVersion");
            }
            if (version.asInt() > ScanResult.SCHEMA_VERSION || version.asInt() < 1) {
                throw new InvalidFindingsException("schemaVersion " + version.asInt()
                        + " is not supported by this version (it reads 1 to " + ScanResult.SCHEMA_VERSION + ")");
            }
            return Json.mapper().readerFor(ScanResult.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (JsonProcessingException e) {
            throw new InvalidFindingsException(JsonFileKind.problem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input is not a readable findings.json; the message says why (never quoting its content). */
    public static final class InvalidFindingsException extends RuntimeException {
        public InvalidFindingsException(String reason) {
            super("not a readable findings.json: " + reason);
        }
    }
}
