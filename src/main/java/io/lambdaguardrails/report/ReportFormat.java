package io.lambdaguardrails.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The three report files. The declaration order is the publishing order: the JSON first (it is the next run's
 * baseline and what pipelines read), the HTML last (what people open), so a fresh {@code report.html} in
 * {@code latest/} means the other two are fresh as well.
 */
public enum ReportFormat {
    JSON("findings.json", "application/json"),
    CSV("findings.csv", "text/csv; charset=utf-8"),
    HTML("report.html", "text/html; charset=utf-8");

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

    /** This report of a result, as the bytes of its file. */
    public byte[] render(ScanResult result, HtmlReport html) {
        return switch (this) {
            case JSON -> FindingsJson.write(result);
            case CSV -> FindingsCsv.write(result);
            case HTML -> html.renderBytes(result);
        };
    }

    /** Parses {@code html,csv,json} in any case and order; the result iterates in publishing order. */
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
                throw new IllegalArgumentException("unknown report format '" + part.trim() + "' (expected html, csv or json)");
            }
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no report format given (expected html, csv or json)");
        }
        return formats;
    }
}
