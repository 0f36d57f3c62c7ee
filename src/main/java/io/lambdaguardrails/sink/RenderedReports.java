package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The asked reports of a run, each streamed into a file of a private temporary folder, one at a time: a large run's
 * reports are tens of megabytes each and are never held in memory. Closing deletes the folder.
 */
public final class RenderedReports implements AutoCloseable {

    private final Path folder;
    private final Map<ReportFormat, Path> files = new EnumMap<>(ReportFormat.class);

    private RenderedReports(Path folder) {
        this.folder = folder;
    }

    /**
     * Renders every format before any is written anywhere, so a rendering error never leaves half a run folder.
     *
     * @throws SinkException when the temporary folder cannot take the files
     */
    public static RenderedReports render(ScanResult result, Set<ReportFormat> formats, HtmlReport html) {
        Path folder;
        try {
            folder = Files.createTempDirectory("lambda-guardrails-reports-");
        } catch (IOException e) {
            throw new SinkException("cannot create a temporary folder for the reports: " + e, e);
        }
        var rendered = new RenderedReports(folder);
        try {
            for (ReportFormat format : formats) {
                Path file = folder.resolve(format.fileName());
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    format.write(result, html, out);
                }
                rendered.files.put(format, file);
            }
            return rendered;
        } catch (IOException e) {
            rendered.close();
            throw new SinkException("cannot write the reports to " + folder + ": " + e, e);
        } catch (RuntimeException | Error e) {
            rendered.close();
            throw e;
        }
    }

    /** The files in publishing order (JSON, CSV, HTML). */
    public Map<ReportFormat, Path> files() {
        return Collections.unmodifiableMap(files);
    }

    /** A small file beside the reports (a manifest, a marker), deleted with them. */
    public Path stage(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new SinkException("cannot write " + name + " to " + folder + ": " + e, e);
        }
    }

    /** Deletes the files and their folder; a file that cannot be deleted is left to the system's temporary cleanup. */
    @Override
    public void close() {
        try (var entries = Files.list(folder)) {
            for (Path file : entries.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // Nothing else to do: the reports were delivered or saved; a stray temporary file is harmless.
        }
    }
}
