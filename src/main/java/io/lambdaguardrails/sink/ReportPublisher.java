package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a run: renders the asked formats, writes {@code runs/YYYY/MM/DD/<runId>/}, and only when every object of
 * it is written replaces {@code latest/}. S3 has no atomic rename, so {@code latest/} is written in a fixed order —
 * findings.json, findings.csv, report.html — and a reader that sees a new {@code report.html} sees a complete set.
 * When anything fails, every report goes to a local fallback folder instead: a report is never lost.
 */
public final class ReportPublisher {

    private final ReportSink sink;
    private final HtmlReport html;
    private final Path fallbackRoot;

    /** @param fallbackRoot local folder that receives the run folder when the sink fails */
    public ReportPublisher(ReportSink sink, HtmlReport html, Path fallbackRoot) {
        this.sink = sink;
        this.html = html;
        this.fallbackRoot = fallbackRoot;
    }

    /**
     * @throws SinkException when the reports could be written neither where asked nor to the fallback folder
     */
    public Publication publish(ScanResult result, Set<ReportFormat> formats, PublishMode mode) {
        String runFolder = ReportKeys.runFolder(result);
        Map<ReportFormat, byte[]> reports = render(result, formats);
        List<String> written = new ArrayList<>();
        try {
            reports.forEach((format, body) -> written.add(write(ReportKeys.inFolder(runFolder, format), format, body)));
            if (mode == PublishMode.FULL) {
                reports.forEach((format, body) -> written.add(write(ReportKeys.latest(format), format, body)));
            }
            return new Publication(runFolder, sink.location(runFolder), written, mode == PublishMode.FULL, null, null);
        } catch (SinkException e) {
            Path fallback = fallBack(runFolder, reports, e);
            return new Publication(runFolder, fallback.toString(), written, false, e.getMessage(), fallback);
        }
    }

    private String write(String key, ReportFormat format, byte[] body) {
        sink.write(key, body, format.contentType());
        return sink.location(key);
    }

    private Path fallBack(String runFolder, Map<ReportFormat, byte[]> reports, SinkException cause) {
        var local = new LocalDirectorySink(fallbackRoot);
        try {
            reports.forEach((format, body) ->
                    local.write(ReportKeys.inFolder(runFolder, format), body, format.contentType()));
        } catch (SinkException e) {
            e.addSuppressed(cause);
            throw new SinkException("reports could not be written (" + cause.getMessage()
                    + ") nor saved locally (" + e.getMessage() + ")", e);
        }
        return local.root().resolve(runFolder);
    }

    /** Renders before anything is written, so a rendering error never leaves half a run folder. */
    private Map<ReportFormat, byte[]> render(ScanResult result, Set<ReportFormat> formats) {
        Map<ReportFormat, byte[]> reports = new EnumMap<>(ReportFormat.class);
        formats.forEach(format -> reports.put(format, format.render(result, html)));
        return reports;
    }
}
