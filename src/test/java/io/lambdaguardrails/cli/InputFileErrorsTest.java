package io.lambdaguardrails.cli;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.SampleResults;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * A wrong file given to {@code evaluate} or {@code render} is a usage error naming the file and what is wrong — a
 * missing file, a folder, not JSON (with its line), the other kind of file (with the command that reads it) — and
 * never a Java class name. Nothing is written: the output's {@code latest/} from an earlier run stays as it was.
 */
class InputFileErrorsTest {

    private static final String LATEST = "{\"earlier\": \"run\"}";
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.\\w+\\.|REDACTED");

    @TempDir
    static Path dir;

    static Stream<Arguments> wrongFiles() throws IOException {
        Path findings = Files.write(dir.resolve("findings.json"), FindingsJson.write(SampleResults.typical()));
        Path notJson = Files.writeString(dir.resolve("notes.json"), "{\n  \"accounts\": [1, 2,\n");
        Path inventory = Files.writeString(dir.resolve("inventory.json"),
                "{\"schemaVersion\": 1, \"collectedAt\": \"2026-11-28T02:00:00Z\", \"org\": null, \"accounts\": \"none\"}");
        Path missing = dir.resolve("missing.json");
        Function<Path, List<String>> evaluate = p -> List.of("--inventory", p.toString(), "--output", dir.resolve("out").toString());
        Function<Path, List<String>> render = p -> List.of(p.toString(), "--output", dir.resolve("out").toString());
        return Stream.of(
                arguments("evaluate: missing file", new EvaluateCommand(), evaluate.apply(missing), missing + ": no such file"),
                arguments("evaluate: a folder", new EvaluateCommand(), evaluate.apply(dir), dir + ": is a folder"),
                arguments("evaluate: not JSON", new EvaluateCommand(), evaluate.apply(notJson), "not valid JSON at line 3"),
                arguments("evaluate: a findings file", new EvaluateCommand(), evaluate.apply(findings),
                        "this is a findings file (findings.json): use 'render FILE --output DIR'"),
                arguments("evaluate: wrong shape", new EvaluateCommand(), evaluate.apply(inventory), "unexpected value at accounts"),
                arguments("render: missing file", new RenderCommand(), render.apply(missing), "no such file: " + missing),
                arguments("render: not JSON", new RenderCommand(), render.apply(notJson), "not valid JSON at line 3"),
                arguments("render: an inventory", new RenderCommand(), render.apply(inventory),
                        "this is an inventory (written by scan --save-inventory): use 'evaluate --inventory FILE'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongFiles")
    void namesTheFileAndWhatIsWrong(String name, Object command, List<String> args, String fragment) throws IOException {
        Path latest = dir.resolve("out/latest/findings.json");
        Files.createDirectories(latest.getParent());
        Files.writeString(latest, LATEST);

        CommandRun run = CommandRun.of(command, args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(fragment);
        assertThat(JAVA_CLASS.matcher(run.err()).find()).as("no Java class names in: %s", run.err()).isFalse();
        try (Stream<Path> written = Files.walk(dir.resolve("out"))) {
            assertThat(written.filter(Files::isRegularFile)).as("nothing written").containsExactly(latest);
        }
        assertThat(Files.readString(latest)).as("latest/ untouched").isEqualTo(LATEST);
    }
}
