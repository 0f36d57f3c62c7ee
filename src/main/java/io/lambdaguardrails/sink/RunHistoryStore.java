package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ReportTrend;
import io.lambdaguardrails.report.RunEntry;
import io.lambdaguardrails.report.RunHistory;
import io.lambdaguardrails.report.RunsIndexHtml;
import io.lambdaguardrails.report.ScanResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Keeps {@code history.json} and {@code index.html} at the output root, with the consistency rules of {@code latest/}:
 * the history is written only on condition that it is still the one read (S3 {@code If-Match}/{@code If-None-Match},
 * a digest under the lock file locally), and read again when another run got there first, so two runs publishing at
 * once both end up in it. A history that is missing or not readable as one is rebuilt from the run folders'
 * findings.json; a history that could not be <em>read</em> (a network error, access denied) is left as it is — an
 * error is no evidence that there is none. {@code index.html} is drawn from the history just written, and drawn
 * again if another run replaced the history meanwhile, so it never shows an older history than the file.
 */
public final class RunHistoryStore {

    public static final String KEY = RunHistory.FILE;
    public static final String INDEX = "index.html";

    private static final int ATTEMPTS = 5;
    private static final Pattern RUN_FINDINGS = Pattern.compile("runs/\\d{4}/\\d{2}/\\d{2}/[A-Za-z0-9][A-Za-z0-9._-]{0,127}/findings\\.json");

    private final ReportSink sink;
    private final RunsIndexHtml index;

    public RunHistoryStore(ReportSink sink, RunsIndexHtml index) {
        this.sink = sink;
        this.index = index;
    }

    /**
     * What became of the history for one run. {@code history} is what the file now holds (null when it was not
     * updated, and {@code problem} says why); {@code previous} is the run before this one in it, if any;
     * {@code rebuiltFrom} counts the run folders read when the history had to be rebuilt (0 otherwise).
     */
    public record Update(RunHistory history, RunEntry previous, int rebuiltFrom, List<String> skipped,
                         String problem) {
        public Update {
            skipped = List.copyOf(skipped);
        }

        public boolean updated() {
            return problem == null;
        }

        static Update failed(String problem) {
            return new Update(null, null, 0, List.of(), problem);
        }
    }

    /** A history rebuilt from the run folders: the runs it holds and the folders it could not read, with why. */
    public record Rebuilt(RunHistory history, int folders, List<String> skipped) {
    }

    /** The history at the output as it is now; empty when there is none or it is not readable as one. */
    public Optional<RunHistory> current() {
        return sink.read(KEY).flatMap(bytes -> {
            try {
                return Optional.of(RunHistory.read(bytes));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Adds a published run (its folder complete) to the history and redraws the runs index. Never throws for the
     * history's sake: a problem is returned, and the run's reports stand.
     */
    public Update record(ScanResult result, String runFolder, Set<ReportFormat> formats) {
        RunEntry entry = entry(result, runFolder, formats);
        Map<String, String> names = RunHistory.accountNames(result);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Optional<ReportSink.Versioned> before = sink.readVersioned(KEY);
                Rebuilt base = base(before, runFolder);
                RunHistory next = base.history().with(entry, names);
                if (write(next, before.map(ReportSink.Versioned::version).orElse(null))) {
                    drawIndex(next);
                    return new Update(next, previous(next, entry), base.folders(), base.skipped(), null);
                }
            }
            return Update.failed(sink.location(KEY) + " kept changing under other runs; this run is not in it yet");
        } catch (SinkException e) {
            return Update.failed(sink.location(KEY) + " not updated, left as it was (" + e.getMessage()
                    + "); 'history --rebuild' writes it again from the run folders");
        }
    }

    /**
     * The trend a run's report shows, read before the report is drawn by the rules {@link #record} reads by: the
     * history with the run added as it will be (a missing or broken history rebuilt from the run folders), or, when
     * the history could not be read, a trend that says so.
     */
    public ReportTrend trend(ScanResult result, String runFolder, Set<ReportFormat> formats) {
        try {
            return ReportTrend.of(base(sink.readVersioned(KEY), runFolder).history()
                    .with(entry(result, runFolder, formats), RunHistory.accountNames(result)));
        } catch (SinkException e) {
            return ReportTrend.unreadable(sink.location(KEY) + " (" + e.getMessage() + ")");
        }
    }

    private static RunEntry entry(ScanResult result, String runFolder, Set<ReportFormat> formats) {
        return RunEntry.of(result, runFolder, formats.stream().sorted().map(ReportFormat::fileName).toList());
    }

    /**
     * The history the run of {@code runFolder} is added to: the one read, or, when there is none or it is not readable
     * as one, one rebuilt from the run folders ({@code folders} 0 when nothing was rebuilt).
     */
    private Rebuilt base(Optional<ReportSink.Versioned> read, String runFolder) {
        return read.flatMap(b -> readable(b.bytes())).map(h -> new Rebuilt(h, 0, List.of()))
                .orElseGet(() -> fromRunFolders(runFolder));
    }

    /**
     * Rebuilds the history from the run folders and replaces the file, on condition that it is still the one read
     * first; draws the runs index.
     *
     * @throws SinkException when the output cannot be read or written, or another run replaced the history meanwhile
     */
    public Rebuilt rebuild() {
        Optional<ReportSink.Versioned> before = sink.readVersioned(KEY);
        Rebuilt rebuilt = fromRunFolders(null);
        if (!write(rebuilt.history(), before.map(ReportSink.Versioned::version).orElse(null))) {
            throw new SinkException(sink.location(KEY) + " was replaced by a run while it was rebuilt; try again");
        }
        drawIndex(rebuilt.history());
        return rebuilt;
    }

    /**
     * Draws the runs index from the history at the output, rebuilding the history first when it is missing or not
     * readable as one.
     */
    public RunHistory redrawIndex() {
        Optional<RunHistory> history = current();
        if (history.isPresent()) {
            drawIndex(history.get());
            return history.get();
        }
        return rebuild().history();
    }

    /**
     * Every run folder with a readable findings.json, as history entries. The folder of the run being added
     * ({@code recording}, null for none) is counted but not read: its entry comes from the result in hand, and
     * reading back a large run's findings.json would cost as much as writing it.
     */
    Rebuilt fromRunFolders(String recording) {
        Map<String, Set<String>> folders = new TreeMap<>();
        for (String key : sink.list("runs/")) {
            int slash = key.lastIndexOf('/');
            folders.computeIfAbsent(key.substring(0, slash), f -> new TreeSet<>()).add(key.substring(slash + 1));
        }
        List<RunEntry> entries = new ArrayList<>();
        Map<String, String> names = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> known = Arrays.stream(ReportFormat.values()).map(ReportFormat::fileName).toList();
        boolean ownListed = recording != null && folders.getOrDefault(recording, Set.of()).contains(ReportFormat.JSON.fileName());
        if (ownListed) {
            folders.remove(recording);
        }
        folders.forEach((folder, files) -> {
            String findings = folder + "/" + ReportFormat.JSON.fileName();
            if (!RUN_FINDINGS.matcher(findings).matches() || !files.contains(ReportFormat.JSON.fileName())) {
                return;
            }
            try {
                ScanResult result = FindingsJson.read(sink.read(findings).orElseThrow());
                entries.add(RunEntry.of(result, folder, known.stream().filter(files::contains).toList()));
                names.putAll(RunHistory.accountNames(result));
            } catch (FindingsJson.InvalidFindingsException | IllegalArgumentException | java.util.NoSuchElementException e) {
                skipped.add(sink.location(findings) + ": " + e.getMessage());
            }
        });
        return new Rebuilt(RunHistory.of(entries, names), entries.size() + (ownListed ? 1 : 0), skipped);
    }

    private static Optional<RunHistory> readable(byte[] bytes) {
        try {
            return Optional.of(RunHistory.read(bytes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static RunEntry previous(RunHistory history, RunEntry run) {
        int at = history.runs().indexOf(run);
        return at > 0 ? history.runs().get(at - 1) : null;
    }

    private boolean write(RunHistory history, String expectedVersion) {
        return withStaged(history.toJson(), file -> sink.writeIfUnchanged(KEY, file, "application/json", expectedVersion));
    }

    /** Draws index.html, and again while the history it was drawn from is no longer the one at the output. */
    private void drawIndex(RunHistory history) {
        RunHistory drawn = history;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] page = index.render(drawn).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            withStaged(page, file -> {
                sink.write(INDEX, file, ReportFormat.HTML.contentType());
                return true;
            });
            byte[] drawnJson = drawn.toJson();
            Optional<RunHistory> now = sink.read(KEY).filter(b -> !Arrays.equals(b, drawnJson)).flatMap(RunHistoryStore::readable);
            if (now.isEmpty()) {
                return;
            }
            drawn = now.get();
        }
    }

    private interface StagedWrite {
        boolean write(Path file);
    }

    private static boolean withStaged(byte[] content, StagedWrite write) {
        Path file;
        try {
            file = Files.createTempFile("lambda-guardrails-history-", ".tmp");
        } catch (IOException e) {
            throw new SinkException("cannot stage " + KEY + ": " + e, e);
        }
        try {
            Files.write(file, content);
            return write.write(file);
        } catch (IOException e) {
            throw new SinkException("cannot stage " + KEY + ": " + e, e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A stray temporary file is harmless; the temporary folder's cleanup takes it.
            }
        }
    }
}
