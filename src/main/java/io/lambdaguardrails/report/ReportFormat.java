package io.lambdaguardrails.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The report files. The declaration order is the publishing order: the JSON first (it is the next run's
 * baseline and what pipelines read), the HTML last (what people open), so a fresh {@code report.html} in
 * {@code latest/} means the others are fresh as well. ASFF (Security Hub) and OCSF are written only when asked for.
 */
public enum ReportFormat {
    JSON("findings.json", "application/json"),
    CSV("findings.csv", "text/csv; charset=utf-8"),
    ASFF("findings.asff.json", "application/json"),
    OCSF("findings.ocsf.json", "application/json"),
    HTML("report.html", "text/html; charset=utf-8");

    /** What a run writes unless told otherwise. */
    public static final Set<ReportFormat> DEFAULTS = Collections.unmodifiableSet(EnumSet.of(JSON, CSV, HTML));
    private static final String EXPECTED = "(expected html, csv, json, asff or ocsf)";

    private final String fileName;
    private final String contentType;

    ReportFormat(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** Streams this report of a result, as the bytes of its file, to {@code out} and flushes it (leaving it open). */
    public void write(ScanResult result, HtmlReport html, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        switch (this) {
            case JSON -> FindingsJson.write(result, out);
            case CSV -> FindingsCsv.write(result, text);
            case ASFF -> AsffFindings.write(result, out);
            case OCSF -> OcsfFindings.write(result, out);
            case HTML -> html.render(result, text);
        }
        text.flush();
    }

    /** Parses {@code html,csv,json,asff,ocsf} in any case and order; the result iterates in publishing order. */
    public static Set<ReportFormat> parseList(String text) {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String part : text.split(",")) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                formats.add(valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown report format '" + part.trim() + "' " + EXPECTED);
            }
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no report format given " + EXPECTED);
        }
        return formats;
    }
}
