package io.lambdaguardrails.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The field tables of {@code findings.schema.md}: section heading → first-column names, in document order. */
final class SchemaDoc {

    private static final Pattern HEADING = Pattern.compile("^## (.+)$");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|");

    private SchemaDoc() {
    }

    static Map<String, List<String>> sections() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text().split("\n")) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                current = new ArrayList<>();
                sections.put(heading.group(1).replace("`", "").trim(), current);
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (current != null && row.find()) {
                current.add(row.group(1));
            }
        }
        return sections;
    }

    private static String text() {
        try (InputStream in = SchemaDoc.class.getClassLoader().getResourceAsStream("findings.schema.md")) {
            if (in == null) {
                throw new IllegalStateException("findings.schema.md is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
