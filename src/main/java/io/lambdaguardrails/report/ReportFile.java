package io.lambdaguardrails.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The files a report format is written as: one each, but CSV is two ({@code findings.csv} and
 * {@code risk-paths.csv}). The declaration order is the publishing order (see {@link ReportFormat}).
 */
public enum ReportFile {
    FINDINGS_JSON(ReportFormat.JSON, "findings.json", "application/json"),
    FINDINGS_CSV(ReportFormat.CSV, "findings.csv", "text/csv; charset=utf-8"),
    RISK_PATHS_CSV(ReportFormat.CSV, "risk-paths.csv", "text/csv; charset=utf-8"),
    ASFF(ReportFormat.ASFF, "findings.asff.json", "application/json"),
    OCSF(ReportFormat.OCSF, "findings.ocsf.json", "application/json"),
    REPORT_HTML(ReportFormat.HTML, "report.html", "text/html; charset=utf-8");

    private final ReportFormat format;
    private final String fileName;
    private final String contentType;

    ReportFile(ReportFormat format, String fileName, String contentType) {
        this.format = format;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    public ReportFormat format() {
        return format;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** The files of these formats, in publishing order. */
    public static List<ReportFile> of(Set<ReportFormat> formats) {
        return Arrays.stream(values()).filter(f -> formats.contains(f.format)).toList();
    }

    /** Streams this file of a result to {@code out} and flushes it (leaving it open); {@code place} is for the HTML page. */
    public void write(ScanResult result, HtmlReport html, ReportPlace place, OutputStream out) throws IOException {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        switch (this) {
            case FINDINGS_JSON -> FindingsJson.write(result, out);
            case FINDINGS_CSV -> FindingsCsv.write(result, text);
            case RISK_PATHS_CSV -> RiskPathsCsv.write(result, text);
            case ASFF -> AsffFindings.write(result, out);
            case OCSF -> OcsfFindings.write(result, out);
            case REPORT_HTML -> html.render(result, place, text);
        }
        text.flush();
    }
}
