package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFile;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ReportPlace;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.report.Views;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The asked reports of a run, each streamed into a file of a private temporary folder, one at a time: a large run's
 * reports are tens of megabytes each and are never held in memory. With a split ({@code --split-by}), every view's
 * reports come first, under {@code views/<kind>/<name>/}, each page saying whose it is, and the run's own page links
 * to them. Closing deletes the folder.
 */
public final class RenderedReports implements AutoCloseable {

    /** The formats a view is written in; the exchange formats (ASFF, OCSF) are for the whole run only. */
    private static final Set<ReportFormat> VIEW_FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML);

    /** One rendered file: its name relative to the run folder ({@code findings.json}, {@code views/owner/a/report.html}). */
    public record File(String name, ReportFile kind, Path path) {
        public String contentType() {
            return kind.contentType();
        }
    }

    private final Path folder;
    private final List<File> files = new ArrayList<>();

    private RenderedReports(Path folder) {
        this.folder = folder;
    }

    public static RenderedReports render(ScanResult result, Set<ReportFormat> formats, HtmlReport html) {
        return render(result, formats, html, null);
    }

    /**
     * Renders every file before any is written anywhere, so a rendering error never leaves half a run folder.
     *
     * @param splitBy also one set of reports per owner, account or OU; null for none
     * @throws SinkException when the temporary folder cannot take the files
     */
    public static RenderedReports render(ScanResult result, Set<ReportFormat> formats, HtmlReport html, SplitBy splitBy) {
        Path folder;
        try {
            folder = Files.createTempDirectory("lambda-guardrails-reports-");
        } catch (IOException e) {
            throw new SinkException("cannot create a temporary folder for the reports: " + e, e);
        }
        var rendered = new RenderedReports(folder);
        try {
            List<Views.View> views = splitBy == null ? List.of() : Views.of(result, splitBy);
            Set<ReportFormat> viewFormats = EnumSet.copyOf(VIEW_FORMATS);
            viewFormats.retainAll(formats);
            for (Views.View view : views) {
                rendered.renderAll(view.folder() + "/", view.result(), ReportPlace.of(view), viewFormats, html);
            }
            rendered.renderAll("", result, ReportPlace.run(views), formats, html);
            return rendered;
        } catch (IOException e) {
            rendered.close();
            throw new SinkException("cannot write the reports to " + folder + ": " + e, e);
        } catch (RuntimeException | Error e) {
            rendered.close();
            throw e;
        }
    }

    private void renderAll(String prefix, ScanResult result, ReportPlace place, Set<ReportFormat> formats, HtmlReport html)
            throws IOException {
        for (ReportFile kind : ReportFile.of(formats)) {
            String name = prefix + kind.fileName();
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                kind.write(result, html, place, out);
            }
            files.add(new File(name, kind, file));
        }
    }

    /** The files in publishing order: the views' first, then the run's own (JSON, CSV, HTML). */
    public List<File> files() {
        return Collections.unmodifiableList(files);
    }

    /** A small file beside the reports (a manifest, a marker), deleted with them. */
    public Path stage(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new SinkException("cannot write " + name + " to " + folder + ": " + e, e);
        }
    }

    /** Deletes the files and their folders; a file that cannot be deleted is left to the system's temporary cleanup. */
    @Override
    public void close() {
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path path : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // Nothing else to do: the reports were delivered or saved; a stray temporary file is harmless.
        }
    }
}
