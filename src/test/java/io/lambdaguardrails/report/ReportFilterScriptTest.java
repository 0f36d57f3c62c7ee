package io.lambdaguardrails.report;

import io.lambdaguardrails.testbed.NodeTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the filter-script tests of {@code src/test/js} (node's test runner over jsdom) against reports rendered here.
 * Skipped, saying why, where node is not installed or jsdom cannot be installed from the lockfile.
 */
@Tag("browser")
class ReportFilterScriptTest {

    private static final Path JS = Path.of("src/test/js");

    @Test
    void filterScriptWorksInJsdom() throws Exception {
        NodeTool.requirePackages(JS, "jsdom", "the report's filter script in jsdom");
        Path reports = Files.createDirectories(Path.of("target/report-js"));
        HtmlReport html = HtmlReport.bundled();
        Files.writeString(reports.resolve("typical.html"), html.render(SampleResults.typicalTeams()));
        Files.writeString(reports.resolve("aged.html"), html.render(SampleResults.typicalAged()));
        Files.writeString(reports.resolve("hostile.html"), html.render(SampleResults.hostile()));
        Files.writeString(reports.resolve("many.html"), html.render(SampleResults.many(5_000)));

        NodeTool.Result tests = NodeTool.run(List.of("node", "--test", JS.resolve("filter.test.mjs").toString()), 300,
                "REPORT_DIR", reports.toAbsolutePath().toString());

        System.out.println(tests.output());
        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("# pass 10", "# fail 0");
    }
}
