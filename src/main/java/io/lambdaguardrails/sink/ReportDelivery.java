package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ReportTrend;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.SplitBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Everything that happens to a finished result, in order: find the baseline (before {@code latest/} is replaced), mark
 * the findings, publish, and make links to what was published. Shared by {@code scan}, {@code merge} and the Lambda
 * handler.
 */
public final class ReportDelivery {

    /** The longest a SigV4 pre-signed URL may be valid. */
    public static final Duration MAX_LINK_EXPIRY = Duration.ofDays(7);
    public static final Duration DEFAULT_LINK_EXPIRY = Duration.ofHours(24);
    /** Local folder name for reports: the default output and, for an S3 output, the fallback. */
    public static final String LOCAL_FOLDER = "lambda-guardrails-reports";

    private final S3Access s3;

    public ReportDelivery(S3Access s3) {
        this.s3 = s3;
    }

    /**
     * @param output       {@code s3://bucket/prefix} or a local folder
     * @param html         the HTML renderer, with the bundled template or a user's ({@link HtmlReport#withTemplate})
     * @param baseline     {@code auto} (null means the same), {@code none}, a path or an {@code s3://} URI
     * @param fallbackRoot local folder for the reports when the output cannot take them; null: a fresh private one
     * @param splitBy      also one set of reports per owner, account or OU under {@code views/}; null for none
     */
    public record Options(String output, Set<ReportFormat> formats, HtmlReport html, String baseline, PublishMode mode,
                          Encryption encryption, Path fallbackRoot, Duration linkExpiry, SplitBy splitBy) {

        /** Without views. */
        public Options(String output, Set<ReportFormat> formats, HtmlReport html, String baseline, PublishMode mode,
                       Encryption encryption, Path fallbackRoot, Duration linkExpiry) {
            this(output, formats, html, baseline, mode, encryption, fallbackRoot, linkExpiry, null);
        }

        public Options {
            formats = Set.copyOf(formats);
            if (formats.isEmpty()) {
                throw new IllegalArgumentException("no report format asked for");
            }
            if (mode == PublishMode.PARTIAL && !formats.contains(ReportFormat.JSON)) {
                throw new IllegalArgumentException("--partial writes a result for 'merge', which reads its findings.json: "
                        + "include json in --format");
            }
            if (mode == PublishMode.PARTIAL && baseline != null && !baseline.equals(Baselines.NONE)) {
                throw new IllegalArgumentException("--partial writes a shard's result, which is never compared with a "
                        + "baseline; compare when merging the shards");
            }
            if (mode == PublishMode.PARTIAL && splitBy != null) {
                throw new IllegalArgumentException("--partial writes a shard's result; split the merged run instead "
                        + "(give --split-by to merge)");
            }
            if (linkExpiry.isNegative() || linkExpiry.isZero() || linkExpiry.compareTo(MAX_LINK_EXPIRY) > 0) {
                throw new IllegalArgumentException("link expiry must be between 1 second and 7 days");
            }
        }

        /** The default formats, the bundled template, {@code --baseline auto}, SSE-S3, links valid for a day, no views. */
        public static Options defaults(String output) {
            return new Options(output, ReportFormat.DEFAULTS, HtmlReport.bundled(), null, PublishMode.FULL,
                    Encryption.s3Managed(), defaultFallbackRoot(output), DEFAULT_LINK_EXPIRY);
        }

        /** The same options, also writing one set of reports per value of {@code split} (null: none). */
        public Options splitBy(SplitBy split) {
            return new Options(output, formats, html, baseline, mode, encryption, fallbackRoot, linkExpiry, split);
        }
    }

    /**
     * Where reports go when the output fails: {@value #LOCAL_FOLDER} in the working folder for an S3 output (where a
     * laptop user looks); null — a fresh folder only the user can open, made in the temporary folder when needed —
     * when that is not writable (a container's read-only root, a Lambda function) or when the output is itself a
     * local folder. Never a fixed name in the shared temporary folder, where another user could prepare it.
     */
    public static Path defaultFallbackRoot(String output) {
        Path here = Path.of("").toAbsolutePath();
        if (S3Location.isS3(output) && Files.isWritable(here)) {
            return here.resolve(LOCAL_FOLDER);
        }
        return null;
    }

    public record Link(ReportFormat format, URI uri) {
    }

    /**
     * {@code published} is the result as written (with its baseline marks); {@code history} what became of
     * {@code history.json} and {@code index.html} (null when the run was not added: a partial result, reports in the
     * fallback folder, or a stop).
     */
    public record Outcome(ScanResult published, BaselineOutcome baseline, Publication publication, List<Link> links,
                          List<String> warnings, RunHistoryStore.Update history) {
        public boolean delivered() {
            return publication.delivered();
        }

        public Outcome withWarning(String warning) {
            List<String> more = new ArrayList<>(warnings);
            more.add(warning);
            return new Outcome(published, baseline, publication, links, List.copyOf(more), history);
        }
    }

    /**
     * Never loses the reports to a baseline problem: a baseline that cannot be read becomes a warning.
     *
     * @throws IllegalArgumentException for a bad output location (a usage error)
     * @throws SinkException when the reports could be written neither where asked nor locally
     */
    public Outcome deliver(ScanResult result, Options options) {
        return deliver(result, options, () -> false);
    }

    /**
     * @param stopRequested see {@link ReportPublisher#publish(ScanResult, Set, PublishMode, BooleanSupplier)}
     * @throws PublishStopped when asked to stop before {@code latest/} was touched
     */
    public Outcome deliver(ScanResult result, Options options, BooleanSupplier stopRequested) {
        ReportSink sink = open(options);
        BaselineOutcome baseline = options.mode() == PublishMode.PARTIAL
                ? new BaselineOutcome.Skipped("partial result")
                : new Baselines(new ReportFiles(s3)).load(options.baseline(), sink);
        ScanResult marked = baseline.applyTo(result);
        // Read before the reports are drawn, so each report.html shows the trend up to and including its own run.
        RunHistoryStore runs = new RunHistoryStore(sink, options.html().runsIndex());
        ReportTrend trend = options.mode() == PublishMode.PARTIAL ? ReportTrend.PARTIAL_RESULT
                : runs.trend(marked, ReportKeys.folder(marked, options.mode()), options.formats());
        Publication publication = new ReportPublisher(sink, options.html().withTrend(trend), options.fallbackRoot())
                .publish(marked, options.formats(), options.splitBy(), options.mode(), stopRequested);

        List<String> warnings = new ArrayList<>();
        if (baseline instanceof BaselineOutcome.Unreadable) {
            warnings.add(baseline.describe());
        }
        RunHistoryStore.Update history = null;
        if (options.mode() == PublishMode.FULL && publication.delivered() && !stopRequested.getAsBoolean()) {
            // After latest/: the history only ever counts runs whose folder is complete and delivered.
            history = runs.record(marked, publication.runFolder(), options.formats());
            if (!history.updated()) {
                warnings.add(history.problem());
            }
        }
        List<Link> links = new ArrayList<>();
        if (publication.delivered()) {
            try {
                for (ReportFormat format : options.formats().stream().sorted().toList()) {
                    // Always into the run folder: a link shared today must not show a later run that replaced latest/.
                    links.add(new Link(format, sink.link(ReportKeys.inFolder(publication.runFolder(), format),
                            options.linkExpiry())));
                }
            } catch (SinkException e) {
                links.clear();
                warnings.add(e.getMessage());
            }
        }
        return new Outcome(marked, baseline, publication, links, warnings, history);
    }

    /** The sink at the options' output: an S3 prefix written with the caller's client, or a local folder. */
    public ReportSink open(Options options) {
        if (S3Location.isS3(options.output())) {
            return new S3Sink(s3.client(), s3.presigner(), S3Location.parse(options.output()), options.encryption());
        }
        return new LocalDirectorySink(Path.of(options.output()));
    }
}
