package io.lambdaguardrails.report;

import io.quarkus.qute.Template;

/**
 * {@code index.html} at the output root: the Qute template {@code runs-index.html} (from the bundled template or a
 * user's {@code --template} folder, see {@link HtmlReport#runsIndex}) over a {@link RunsIndexView}, parsed as the report is, so every value is
 * HTML-escaped and control characters are shown escaped. The page has no script; its charts are inline SVG drawn
 * here, at render time.
 */
public final class RunsIndexHtml {

    private final Template template;

    RunsIndexHtml(TemplateFiles files) {
        this.template = HtmlReport.parse(files, "runs-index.html");
    }

    public static RunsIndexHtml bundled() {
        return new RunsIndexHtml(TemplateFiles.bundled());
    }

    public String render(RunHistory history) {
        return template.data("view", RunsIndexView.of(history)).render();
    }
}
