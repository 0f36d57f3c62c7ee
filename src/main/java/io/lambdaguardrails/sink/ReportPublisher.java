package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.SplitBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Publishes a run: renders the asked formats, writes {@code runs/YYYY/MM/DD/<runId>/}, and only when every object of
 * it is written replaces {@code latest/}. A shard's partial result goes to its shard folder instead, followed by its
 * completion marker, which {@code merge} waits for.
 *
 * <p>S3 has no atomic rename, so {@code latest/} changes hands through {@link LatestManifest}: the reports are copied
 * in publishing order, then the manifest naming this run is written last, on condition that it is still the one read
 * before the copies. A run that loses that race to another leaves {@code latest/} to the winner and puts the
 * winner's copies back; a run whose copies fail puts the previous run's copies back. Either way the manifest only
 * ever names a complete run, and the baseline is read through it.
 *
 * <p>When anything fails, every report goes to a local fallback folder instead: a report is never lost. The reports
 * are rendered to temporary files first (see {@link RenderedReports}), deleted when the publish ends either way,
 * a publish stopped on request included.
 */
public final class ReportPublisher {

    private final ReportSink sink;
    private final HtmlReport html;
    private final Path fallbackRoot;

    /**
     * @param fallbackRoot local folder that receives the run folder when the sink fails (files 0600, folders 0700);
     *                     null: a fresh private folder in the temporary folder
     */
    public ReportPublisher(ReportSink sink, HtmlReport html, Path fallbackRoot) {
        this.sink = sink;
        this.html = html;
        this.fallbackRoot = fallbackRoot;
    }

    /**
     * @throws SinkException when the reports could be written neither where asked nor to the fallback folder
     */
    public Publication publish(ScanResult result, Set<ReportFormat> formats, PublishMode mode) {
        return publish(result, formats, mode, () -> false);
    }

    /**
     * @param stopRequested asked before each object of the run folder and before {@code latest/}: once true, the
     *                      publish ends there with {@link PublishStopped}; a replacement of {@code latest/} that has
     *                      begun is finished, so it never holds two runs
     * @throws SinkException when the reports could be written neither where asked nor to the fallback folder
     */
    public Publication publish(ScanResult result, Set<ReportFormat> formats, PublishMode mode, BooleanSupplier stopRequested) {
        return publish(result, formats, null, mode, stopRequested);
    }

    /**
     * @param splitBy also one set of reports per owner, account or OU under {@code views/} of the run folder (and of
     *                {@code latest/}); null for none
     */
    public Publication publish(ScanResult result, Set<ReportFormat> formats, SplitBy splitBy, PublishMode mode,
                               BooleanSupplier stopRequested) {
        String runFolder = ReportKeys.folder(result, mode);
        try (RenderedReports rendered = RenderedReports.render(result, formats, html, splitBy)) {
            List<RenderedReports.File> reports = rendered.files();
            List<String> written = new ArrayList<>();
            Runnable stopHereIfAsked = () -> {
                if (stopRequested.getAsBoolean()) {
                    throw new PublishStopped(written);
                }
            };
            try {
                reports.forEach(file -> {
                    stopHereIfAsked.run();
                    written.add(write(runFolder + "/" + file.name(), file));
                });
                stopHereIfAsked.run();
                Publication.Latest latest = Publication.Latest.UNTOUCHED;
                if (mode == PublishMode.FULL) {
                    latest = replaceLatest(result.runId(), runFolder, rendered, written);
                } else if (result.request() != null && result.request().shard() != null) {
                    written.add(markComplete(result));
                }
                return new Publication(runFolder, sink.location(runFolder), written, latest, null, null);
            } catch (SinkException e) {
                Path fallback = fallBack(runFolder, reports, e);
                return new Publication(runFolder, fallback.toString(), written, Publication.Latest.UNTOUCHED,
                        e.getMessage(), fallback);
            }
        }
    }

    private Publication.Latest replaceLatest(String runId, String runFolder, RenderedReports rendered,
                                             List<String> written) {
        Optional<ReportSink.Versioned> before = sink.readVersioned(LatestManifest.KEY);
        var manifest = new LatestManifest(runId, runFolder, rendered.files().stream()
                .map(f -> new LatestManifest.Report(f.name(), f.contentType())).toList());
        try {
            rendered.files().forEach(file -> written.add(write(ReportKeys.LATEST + "/" + file.name(), file)));
            Path staged = rendered.stage("manifest.json", manifest.toJson());
            if (sink.writeIfUnchanged(LatestManifest.KEY, staged, "application/json",
                    before.map(ReportSink.Versioned::version).orElse(null))) {
                written.add(sink.location(LatestManifest.KEY));
                before.ifPresent(previous -> removeStale(previous.bytes(), manifest));
                return Publication.Latest.REPLACED;
            }
        } catch (SinkException e) {
            before.ifPresent(previous -> restore(previous.bytes(), e));
            throw e;
        }
        // Another run replaced latest/ while this one copied: its manifest stands, and so must its copies.
        sink.readVersioned(LatestManifest.KEY).ifPresent(winner -> restore(winner.bytes(), null));
        return Publication.Latest.TAKEN_BY_ANOTHER_RUN;
    }

    /** Puts the copies of the run a manifest names back into latest/; best effort when {@code failure} is already on its way. */
    private void restore(byte[] manifestJson, SinkException failure) {
        try {
            LatestManifest manifest = LatestManifest.read(manifestJson);
            for (LatestManifest.Report report : manifest.reports()) {
                sink.copy(manifest.runFolder() + "/" + report.file(), ReportKeys.LATEST + "/" + report.file(),
                        report.contentType());
            }
        } catch (SinkException | IllegalArgumentException e) {
            if (failure == null) {
                throw e instanceof SinkException s ? s : new SinkException("cannot put latest/ back: " + e.getMessage(), e);
            }
            failure.addSuppressed(e);
        }
    }

    /**
     * Deletes from {@code latest/} what the previous run had there and this one has not (the view of an owner who has
     * no findings any more), so {@code latest/} never shows a team an old page. Best effort: the publish is complete,
     * and a copy left behind is named by no manifest.
     */
    private void removeStale(byte[] previousManifest, LatestManifest now) {
        try {
            Set<String> current = new HashSet<>();
            now.reports().forEach(r -> current.add(r.file()));
            for (LatestManifest.Report report : LatestManifest.read(previousManifest).reports()) {
                if (!current.contains(report.file())) {
                    sink.delete(ReportKeys.LATEST + "/" + report.file());
                }
            }
        } catch (SinkException | IllegalArgumentException e) {
            // See above: nothing depends on the stale copy being gone.
        }
    }

    /** The shard's completion marker, written last: merge publishes only when every shard has one. */
    private String markComplete(ScanResult result) {
        ShardMarker marker = ShardMarker.of(result);
        String key = ReportKeys.shardMarker(result.runId(), marker.parsedShard());
        try {
            Path file = Files.createTempFile("lambda-guardrails-shard-", ".json");
            try {
                Files.write(file, marker.toJson());
                sink.write(key, file, "application/json");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new SinkException("cannot stage the shard marker " + key + ": " + e.getMessage(), e);
        }
        return sink.location(key);
    }

    private String write(String key, RenderedReports.File file) {
        sink.write(key, file.path(), file.contentType());
        return sink.location(key);
    }

    /** A new folder only this user can open, under a name nobody could have prepared for it. */
    private static Path freshPrivateFolder() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(ReportDelivery.LOCAL_FOLDER + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(ReportDelivery.LOCAL_FOLDER + "-");
    }

    private Path fallBack(String runFolder, List<RenderedReports.File> reports, SinkException cause) {
        LocalDirectorySink local;
        try {
            local = LocalDirectorySink.privateTo(fallbackRoot != null ? fallbackRoot : freshPrivateFolder());
        } catch (IOException e) {
            cause.addSuppressed(e);
            throw new SinkException("reports could not be written (" + cause.getMessage()
                    + ") nor saved locally (" + e + ")", cause);
        }
        try {
            reports.forEach(file -> local.write(runFolder + "/" + file.name(), file.path(), file.contentType()));
        } catch (SinkException e) {
            e.addSuppressed(cause);
            throw new SinkException("reports could not be written (" + cause.getMessage()
                    + ") nor saved locally (" + e.getMessage() + ")", e);
        }
        return local.root().resolve(runFolder);
    }
}
