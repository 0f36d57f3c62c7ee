package io.lambdaguardrails.report;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The report formats, each written as one or more {@link ReportFile}s. The declaration order is the publishing order:
 * the JSON first (it is the next run's baseline and what pipelines read), the HTML last (what people open), so a fresh
 * {@code report.html} in {@code latest/} means the others are fresh as well. ASFF (Security Hub) and OCSF are written only when asked for.
 */
public enum ReportFormat {
    JSON, CSV, ASFF, OCSF, HTML;

    /** What a run writes unless told otherwise. */
    public static final Set<ReportFormat> DEFAULTS = Collections.unmodifiableSet(EnumSet.of(JSON, CSV, HTML));
    private static final String EXPECTED = "(expected html, csv, json, asff or ocsf)";

    /** The file a link to this format opens: {@code findings.csv} for CSV. */
    public ReportFile mainFile() {
        return ReportFile.of(Set.of(this)).getFirst();
    }

    public String fileName() {
        return mainFile().fileName();
    }

    public String contentType() {
        return mainFile().contentType();
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
