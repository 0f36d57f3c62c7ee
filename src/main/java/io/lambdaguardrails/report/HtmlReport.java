package io.lambdaguardrails.report;

import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * {@code report.html}: the Qute template {@code report.html} with {@code report.css} and {@code report.js} inlined,
 * rendered by a standalone engine (plain JUnit, the CLI and the Lambda function alike). Templates are always parsed
 * as {@code text/html}, so every value is HTML-escaped, with control and format characters shown as {@code \\uXXXX}
 * ({@link DisplayTextEscaper}) — a user's override as much as the bundled one.
 *
 * <p>The template gets {@code view} (a {@link ReportView}), {@code trend} (a {@link ReportTrend}: the organisation's
 * open findings over its last runs, or why there are none), {@code place} (a {@link ReportPlace}: whose view the page
 * is, or the views beside the run's page) and {@code assets}: the style and script elements, and the
 * script's SHA-256 source expression for the page's Content-Security-Policy, which lets that one script run and
 * nothing else (no inline event handlers, no network).
 */
public final class HtmlReport {

    private final TemplateFiles files;
    private final Template template;
    private final Assets assets;
    private final ReportTrend trend;

    private HtmlReport(TemplateFiles files, Template template, Assets assets, ReportTrend trend) {
        this.files = files;
        this.template = template;
        this.assets = assets;
        this.trend = trend;
    }

    private static HtmlReport of(TemplateFiles files) {
        return new HtmlReport(files, parse(files, "report.html"),
                Assets.of(files.require("report.css"), files.require("report.js")), ReportTrend.NOT_AT_AN_OUTPUT);
    }

    /**
     * The engine of the report and the runs index: the same escaping and helpers, and {@code {#include}} of the
     * template's own files (the chart both pages draw), so an overridden fragment serves both.
     */
    private static Engine engine(TemplateFiles files) {
        return Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addValueResolver(BreakOpportunities.RESOLVER)
                .addResultMapper(new DisplayTextEscaper())
                .addLocator(id -> files.read(id).map(HtmlReport::htmlLocation))
                .strictRendering(true)
                .build();
    }

    /** Parses one of the template's pages as {@code text/html}, so every value is escaped. */
    static Template parse(TemplateFiles files, String name) {
        try {
            return engine(files).parse(files.require(name), Variant.forContentType(Variant.TEXT_HTML), name);
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the " + files.describe() + " does not parse: " + e.getMessage(), e);
        }
    }

    private static TemplateLocator.TemplateLocation htmlLocation(String text) {
        return new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
        };
    }

    /** The template shipped in the jar (from the repository's {@code reports-template/}). */
    public static HtmlReport bundled() {
        return of(TemplateFiles.bundled());
    }

    /** A user's template folder; files it lacks come from the bundled template. */
    public static HtmlReport withTemplate(Path directory) {
        return of(TemplateFiles.overriddenBy(directory));
    }

    /**
     * The same template, showing {@code trend} as the report's trend strip; without it a report says it was drawn
     * without a run history ({@link ReportTrend#NOT_AT_AN_OUTPUT}).
     */
    public HtmlReport withTrend(ReportTrend trend) {
        return new HtmlReport(files, template, assets, trend);
    }

    /** The runs index drawn from the same template folder. */
    public RunsIndexHtml runsIndex() {
        return new RunsIndexHtml(files);
    }

    public String render(ScanResult result) {
        return render(result, ReportPlace.RUN);
    }

    public String render(ScanResult result, ReportPlace place) {
        var text = new StringWriter();
        try {
            render(result, place, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Streams the page to {@code out} piece by piece (Qute's {@code consume}), so the page is never built as one
     * string: at 20,000 findings that string and its UTF-8 copy were the largest objects of a run.
     */
    public void render(ScanResult result, Writer out) throws IOException {
        render(result, ReportPlace.RUN, out);
    }

    public void render(ScanResult result, ReportPlace place, Writer out) throws IOException {
        try {
            template.instance().data("view", ReportView.of(result)).data("place", place).data("assets", assets)
                    .data("trend", trend)
                    .consume(piece -> write(out, piece))
                    .toCompletableFuture().join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw e;
            }
        }
    }

    private static void write(Writer out, String piece) {
        try {
            out.write(piece);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inline style and script elements, and the CSP source that allows exactly this script. */
    public record Assets(RawString styleElement, RawString scriptElement, String scriptHash) {
        static Assets of(String css, String script) {
            return new Assets(new RawString("<style>" + css + "</style>"),
                    new RawString("<script>" + script + "</script>"),
                    "'sha256-" + Base64.getEncoder().encodeToString(DigestUtils.sha256(script)) + "'");
        }
    }
}
