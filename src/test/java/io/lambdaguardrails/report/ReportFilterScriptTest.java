package io.lambdaguardrails.report;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the filter-script tests of {@code src/test/js} (node's test runner over jsdom) against reports rendered here.
 * Skipped, saying why, where node is not installed or jsdom cannot be installed from the lockfile.
 */
@Tag("browser")
class ReportFilterScriptTest {

    private static final Path JS = Path.of("src/test/js");

    @Test
    void filterScriptWorksInJsdom() throws Exception {
        assumeTrue(run(List.of("node", "--version"), 30).exitCode() == 0,
                "node is not installed: the report's filter script is not tested in jsdom");
        if (!Files.isDirectory(JS.resolve("node_modules/jsdom"))) {
            Result install = run(List.of("npm", "ci", "--prefix", JS.toString(), "--no-audit", "--no-fund"), 300);
            assumeTrue(install.exitCode() == 0,
                    "jsdom could not be installed (npm ci --prefix src/test/js): " + install.output());
        }
        Path reports = Files.createDirectories(Path.of("target/report-js"));
        HtmlReport html = HtmlReport.bundled();
        Files.writeString(reports.resolve("typical.html"), html.render(SampleResults.typical()));
        Files.writeString(reports.resolve("hostile.html"), html.render(SampleResults.hostile()));
        Files.writeString(reports.resolve("many.html"), html.render(SampleResults.many(5_000)));

        Result tests = run(List.of("node", "--test", JS.resolve("filter.test.mjs").toString()), 300,
                "REPORT_DIR", reports.toAbsolutePath().toString());

        System.out.println(tests.output());
        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("# pass 5", "# fail 0");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds, String... environment) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
    }
}
