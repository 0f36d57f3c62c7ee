package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schemas the exchange formats are checked against, read from {@code src/test/resources/schemas}
 * (their sources are named in the README there).
 */
public final class ExchangeSchemas {

    public static final Schema ASFF = load("/schemas/asff-aws-security-finding.schema.json");
    public static final Schema OCSF_DETECTION_FINDING = load("/schemas/ocsf-1.9.0-detection_finding.schema.json");

    private ExchangeSchemas() {
    }

    private static Schema load(String resource) {
        try (InputStream in = ExchangeSchemas.class.getResourceAsStream(resource)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema violation of every element of a JSON array, each prefixed with the element's index. */
    public static List<String> violations(Schema schema, JsonNode array) {
        assertThat(array.isArray()).as("a JSON array").isTrue();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            for (Error error : schema.validate(array.get(i))) {
                errors.add("[" + i + "] " + error);
            }
        }
        return errors;
    }

    /** Renders a format of a result and parses it back. */
    public static JsonNode render(ScanResult result, ReportFormat format) {
        var out = new ByteArrayOutputStream();
        try {
            format.mainFile().write(result, HtmlReport.bundled(), ReportPlace.RUN, out);
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
