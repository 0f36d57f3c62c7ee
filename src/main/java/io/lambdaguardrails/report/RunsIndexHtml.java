package io.lambdaguardrails.report;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;

/**
 * {@code index.html} at the output root: the Qute template {@code runs-index.html} (from the bundled template or a
 * user's {@code --template} folder, see {@link HtmlReport#runsIndex}) over a {@link RunsIndexView}, with the report's engine, so every value is
 * HTML-escaped and control characters are shown escaped. The page has no script; its charts are inline SVG drawn
 * here, at render time.
 */
public final class RunsIndexHtml {

    private final Template template;

    RunsIndexHtml(TemplateFiles files) {
        try {
            this.template = HtmlReport.ENGINE.parse(files.require("runs-index.html"),
                    Variant.forContentType(Variant.TEXT_HTML), "runs-index.html");
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the " + files.describe() + " does not parse: " + e.getMessage(), e);
        }
    }

    public static RunsIndexHtml bundled() {
        return new RunsIndexHtml(TemplateFiles.bundled());
    }

    public String render(RunHistory history) {
        return template.data("view", RunsIndexView.of(history)).render();
    }
}
