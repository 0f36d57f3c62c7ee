package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything that happens to a finished result, in order: find the baseline (before {@code latest/} is replaced), mark
 * the findings, publish, and make links to what was published. Shared by {@code scan}, {@code merge} and the Lambda
 * handler.
 */
public final class ReportDelivery {

    /** The longest a SigV4 pre-signed URL may be valid. */
    public static final Duration MAX_LINK_EXPIRY = Duration.ofDays(7);

    private final S3Access s3;

    public ReportDelivery(S3Access s3) {
        this.s3 = s3;
    }

    /**
     * @param output       {@code s3://bucket/prefix} or a local folder
     * @param template     a template folder overriding the bundled one, or null
     * @param baseline     {@code auto} (null means the same), {@code none}, a path or an {@code s3://} URI
     * @param fallbackRoot local folder for the reports when the output cannot take them
     */
    public record Options(String output, Set<ReportFormat> formats, Path template, String baseline, PublishMode mode,
                          Encryption encryption, Path fallbackRoot, Duration linkExpiry) {
        public Options {
            formats = Set.copyOf(formats);
            if (formats.isEmpty()) {
                throw new IllegalArgumentException("no report format asked for");
            }
            if (mode == PublishMode.PARTIAL && baseline != null && !baseline.equals(Baselines.NONE)) {
                throw new IllegalArgumentException("--partial writes a shard's result, which is never compared with a "
                        + "baseline; compare when merging the shards");
            }
            if (linkExpiry.isNegative() || linkExpiry.isZero() || linkExpiry.compareTo(MAX_LINK_EXPIRY) > 0) {
                throw new IllegalArgumentException("link expiry must be between 1 second and 7 days");
            }
        }
    }

    public record Link(ReportFormat format, URI uri) {
    }

    /** {@code published} is the result as written (with its baseline marks). */
    public record Outcome(ScanResult published, BaselineOutcome baseline, Publication publication, List<Link> links,
                          List<String> warnings) {
        public boolean delivered() {
            return publication.delivered();
        }
    }

    /**
     * @throws IllegalArgumentException for a bad output, template or baseline (a usage error)
     * @throws SinkException when the reports could be written neither where asked nor locally
     */
    public Outcome deliver(ScanResult result, Options options) {
        HtmlReport html = options.template() == null ? HtmlReport.bundled() : HtmlReport.withTemplate(options.template());
        ReportSink sink = open(options);
        BaselineOutcome baseline = options.mode() == PublishMode.PARTIAL
                ? new BaselineOutcome.Skipped("partial result")
                : new Baselines(new ReportFiles(s3)).load(options.baseline(), sink);
        ScanResult marked = baseline.applyTo(result);
        Publication publication = new ReportPublisher(sink, html, options.fallbackRoot())
                .publish(marked, options.formats(), options.mode());

        List<String> warnings = new ArrayList<>();
        if (baseline instanceof BaselineOutcome.Unreadable) {
            warnings.add(baseline.describe());
        }
        List<Link> links = new ArrayList<>();
        if (publication.delivered()) {
            try {
                for (ReportFormat format : options.formats().stream().sorted().toList()) {
                    String key = options.mode() == PublishMode.FULL ? ReportKeys.latest(format)
                            : ReportKeys.inFolder(publication.runFolder(), format);
                    links.add(new Link(format, sink.link(key, options.linkExpiry())));
                }
            } catch (SinkException e) {
                links.clear();
                warnings.add(e.getMessage());
            }
        }
        return new Outcome(marked, baseline, publication, links, warnings);
    }

    private ReportSink open(Options options) {
        if (S3Location.isS3(options.output())) {
            return new S3Sink(s3.client(), s3.presigner(), S3Location.parse(options.output()), options.encryption());
        }
        return new LocalDirectorySink(Path.of(options.output()));
    }
}
