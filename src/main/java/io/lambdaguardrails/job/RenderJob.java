package io.lambdaguardrails.job;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.LocalDirectorySink;
import io.lambdaguardrails.sink.RenderedReports;
import io.lambdaguardrails.sink.S3Access;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The reports of a findings.json rendered again ({@code render}), into a local folder. */
public final class RenderJob {

    private final FindingsInputs inputs;

    /** @param s3 the caller's S3 access, for an {@code s3://} findings.json */
    public RenderJob(S3Access s3) {
        this.inputs = new FindingsInputs(s3);
    }

    /**
     * @param template an HTML template folder overriding the bundled one; null for the bundled one
     * @return where each file was written
     * @throws UnusableInput when the findings.json or the template cannot be used
     * @throws io.lambdaguardrails.sink.SinkException when a file cannot be written
     */
    public List<String> render(String input, Set<ReportFormat> formats, Path template, Path output) {
        HtmlReport html = template == null ? HtmlReport.bundled() : template(template);
        ScanResult result = inputs.read(input);
        var folder = new LocalDirectorySink(output);
        List<String> written = new ArrayList<>();
        try (RenderedReports rendered = RenderedReports.render(result, formats, html)) {
            rendered.files().forEach(file -> {
                folder.write(file.name(), file.path(), file.contentType());
                written.add(folder.location(file.name()));
            });
        }
        return written;
    }

    private static HtmlReport template(Path folder) {
        try {
            return HtmlReport.withTemplate(folder);
        } catch (IllegalArgumentException e) {
            throw new UnusableInput(e.getMessage(), e);
        }
    }
}
