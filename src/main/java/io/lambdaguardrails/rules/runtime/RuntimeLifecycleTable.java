package io.lambdaguardrails.rules.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lambdaguardrails.rules.RuntimeLifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS's lifecycle dates per managed runtime, shipped as data in {@value #RESOURCE} (checked on {@code lastChecked})
 * and overridable per runtime from the configuration file.
 */
public record RuntimeLifecycleTable(LocalDate lastChecked, Map<String, RuntimeLifecycle> runtimes) {

    static final String RESOURCE = "runtime-lifecycle.yaml";
    private static final Set<String> ENTRY_KEYS = Set.of("deprecation", "blockCreate", "blockUpdate", "note");

    public RuntimeLifecycleTable {
        runtimes = Map.copyOf(runtimes);
    }

    private static final class Shipped {
        static final RuntimeLifecycleTable TABLE = load();

        private static RuntimeLifecycleTable load() {
            try (InputStream in = RuntimeLifecycleTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the application");
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(RESOURCE + " could not be read", e);
            }
        }
    }

    /** The table that ships with this version. */
    public static RuntimeLifecycleTable shipped() {
        return Shipped.TABLE;
    }

    static RuntimeLifecycleTable parse(InputStream yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        Map<String, RuntimeLifecycle> runtimes = new TreeMap<>();
        root.path("runtimes").properties().forEach(e -> runtimes.put(e.getKey(), entry(e.getKey(), e.getValue())));
        return new RuntimeLifecycleTable(date("lastChecked", root.get("lastChecked")), runtimes);
    }

    private static RuntimeLifecycle entry(String runtime, JsonNode node) {
        node.fieldNames().forEachRemaining(key -> {
            if (!ENTRY_KEYS.contains(key)) {
                throw new IllegalStateException(RESOURCE + ": " + runtime + " has an unknown key '" + key + "'");
            }
        });
        if (node.get("deprecation") == null && node.path("note").asText().isBlank()) {
            // An empty entry would not say whether AWS announced nothing or nobody looked.
            throw new IllegalStateException(RESOURCE + ": " + runtime + " has no deprecation date and no note saying why");
        }
        return new RuntimeLifecycle(date(runtime, node.get("deprecation")), date(runtime, node.get("blockCreate")),
                date(runtime, node.get("blockUpdate")));
    }

    private static LocalDate date(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(RESOURCE + ": " + where + " has a date that is not YYYY-MM-DD", e);
        }
    }

    /** This table with the given runtimes replaced (or added), as the configuration file asks. */
    public RuntimeLifecycleTable withOverrides(Map<String, RuntimeLifecycle> overrides) {
        Map<String, RuntimeLifecycle> merged = new TreeMap<>(runtimes);
        merged.putAll(overrides);
        return new RuntimeLifecycleTable(lastChecked, merged);
    }

    public Optional<RuntimeLifecycle> lookup(String runtime) {
        return Optional.ofNullable(runtimes.get(runtime));
    }
}
