package io.lambdaguardrails.cli;

import io.lambdaguardrails.report.FindingsCsv;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.SampleResults;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {

    @TempDir
    Path dir;

    private Path findings() throws IOException {
        return Files.write(dir.resolve("findings.json"), FindingsJson.write(SampleResults.hostile()));
    }

    @Test
    void rendersHtmlAndCsvFromAFindingsFile() throws IOException {
        CommandRun run = CommandRun.of(new RenderCommand(), findings().toString(), "--output", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(dir.resolve("out/report.html").toString(), dir.resolve("out/findings.csv").toString());
        assertThat(Jsoup.parse(dir.resolve("out/report.html").toFile()).select("table.findings-table tbody tr"))
                .hasSize(SampleResults.hostile().findings().size());
        assertThat(dir.resolve("out/findings.csv")).hasBinaryContent(FindingsCsv.write(SampleResults.hostile()));
        assertThat(dir.resolve("out/findings.json")).doesNotExist();
    }

    @Test
    void rendersWithACustomTemplate() throws IOException {
        Path template = Files.createDirectories(dir.resolve("template"));
        Files.writeString(template.resolve("report.html"),
                "<!DOCTYPE html><title>{view.header.runId}</title><h1>Custom</h1>{#for row in view.findings}<p>{row.finding.detail}</p>{/for}");

        CommandRun run = CommandRun.of(new RenderCommand(), findings().toString(), "--template", template.toString(),
                "--format", "html", "--output", dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var doc = Jsoup.parse(dir.resolve("out/report.html").toFile());
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Custom");
        assertThat(doc.select("p").eachText()).contains(SampleResults.SCRIPT, SampleResults.IMG);
        assertThat(doc.select("img, script")).isEmpty();
        assertThat(dir.resolve("out/findings.csv")).doesNotExist();
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("missing input", "absent.json", new String[0], "no such file"),
                Arguments.of("not a findings file", "not-json.txt", new String[0], "not a readable findings.json"),
                Arguments.of("unknown format", "findings.json", new String[] {"--format", "pdf"}, "unknown report format 'pdf'"),
                Arguments.of("missing template folder", "findings.json", new String[] {"--template", "nope"}, "does not exist"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitTwo(String name, String input, String[] extra, String message) throws IOException {
        findings();
        Files.writeString(dir.resolve("not-json.txt"), "hello");
        String[] args = Stream.concat(Stream.of(dir.resolve(input).toString(), "--output", dir.resolve("out").toString()),
                Stream.of(extra).map(a -> a.equals("nope") ? dir.resolve("nope").toString() : a)).toArray(String[]::new);

        CommandRun run = CommandRun.of(new RenderCommand(), args);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }

    @Test
    void anOutputThatCannotBeWrittenExitsFour() throws IOException {
        Path occupied = Files.writeString(dir.resolve("occupied"), "a file, not a folder");

        CommandRun run = CommandRun.of(new RenderCommand(), findings().toString(), "--output", occupied.toString());

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("cannot write");
    }
}
