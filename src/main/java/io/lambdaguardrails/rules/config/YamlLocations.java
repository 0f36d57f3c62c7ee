package io.lambdaguardrails.rules.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and list item of a YAML document starts, so that an error found after parsing (in a merged tree or a
 * semantic check) can still point at the line the user wrote.
 */
final class YamlLocations {

    private final Map<String, JsonLocation> byPointer = new HashMap<>();

    YamlLocations(String yaml) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                JsonStreamContext context = p.getParsingContext();
                // A list item is a value whose container is an array; a new object or array opens its own context.
                JsonStreamContext container = token.isStructStart() ? context.getParent() : context;
                if (token == JsonToken.FIELD_NAME) {
                    byPointer.putIfAbsent(context.pathAsPointer().toString(), p.currentTokenLocation());
                } else if ((token.isScalarValue() || token.isStructStart()) && container != null && container.inArray()) {
                    byPointer.putIfAbsent(container.pathAsPointer().toString(), p.currentTokenLocation());
                }
            }
        } catch (IOException e) {
            // A broken document is reported by the tree parser with its own location; keep what was indexed.
        }
    }

    /** The location of the pointer, else of its nearest indexed ancestor; null when nothing is known. */
    JsonLocation find(JsonPointer pointer) {
        for (JsonPointer p = pointer; p != null; p = p.head()) {
            JsonLocation location = byPointer.get(p.toString());
            if (location != null) {
                return location;
            }
        }
        return null;
    }
}
