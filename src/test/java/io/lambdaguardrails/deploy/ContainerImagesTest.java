package io.lambdaguardrails.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dockerfiles follow Quarkus' layout, run as non-root with the CLI as entrypoint, and find their inputs in the build context. */
class ContainerImagesTest {

    private static final Path DOCKER = Path.of("src/main/docker");
    private static final DockerIgnore CONTEXT = DockerIgnore.read(Path.of(".dockerignore"));

    @Test
    void theJvmImageRunsTheFastJarAsUser185OnTheUbi9Java25Runtime() throws IOException {
        List<Instruction> image = instructions("Dockerfile.jvm");

        assertThat(only(image, "FROM")).startsWith("registry.access.redhat.com/ubi9/openjdk-25-runtime:");
        assertThat(only(image, "USER")).isEqualTo("185");
        assertThat(only(image, "ENTRYPOINT")).isEqualTo("[ \"/opt/jboss/container/java/run/run-java.sh\" ]");
        assertThat(all(image, "COPY")).allSatisfy(copy -> assertThat(copy)
                .startsWith("--chown=185 target/quarkus-app/"));
        assertThat(all(image, "ENV")).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
    }

    /** The serial collector replaces run-java.sh's parallel one. */
    @Test
    void theJvmImageRunsTheSerialCollector() throws IOException {
        assertThat(all(instructions("Dockerfile.jvm"), "ENV")).contains("GC_CONTAINER_OPTIONS=\"-XX:+UseSerialGC\"");
    }

    @Test
    void theNativeImageRunsTheExecutableAsUser1001OnUbi9Minimal() throws IOException {
        List<Instruction> image = instructions("Dockerfile.native");

        assertThat(only(image, "FROM")).startsWith("registry.access.redhat.com/ubi9/ubi-minimal:");
        assertThat(only(image, "USER")).isEqualTo("1001");
        assertThat(only(image, "ENTRYPOINT")).isEqualTo("[ \"./application\" ]");
        assertThat(only(image, "COPY")).endsWith("target/*-runner /work/application");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Dockerfile.jvm", "Dockerfile.native"})
    void everyCopiedFileIsInTheBuildContext(String dockerfile) throws IOException {
        List<String> sources = all(instructions(dockerfile), "COPY").stream()
                .map(copy -> Arrays.stream(copy.split("\\s+")).filter(word -> !word.startsWith("--")).toList())
                .map(words -> words.get(0))
                .toList();

        assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(CONTEXT.excludes(example(source)))
                .as("%s excluded by .dockerignore", example(source)).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pom.xml", "src/main/java/io/lambdaguardrails/scan/ScanRequest.java", ".git/HEAD",
            "target/classes/application.properties", "target/function.zip", "k8s/base/kustomization.yaml",
            "lambda-guardrails-reports/latest/report.html", "target/lambda-guardrails-0.1.0-SNAPSHOT-runner.jar"})
    void everythingElseStaysOutOfTheBuildContext(String path) {
        assertThat(CONTEXT.excludes(path)).isTrue();
    }

    /** A concrete file a COPY source stands for: a file under a directory, or the glob's wildcard filled in. */
    private static String example(String source) {
        return source.endsWith("/") ? source + "example.jar"
                : source.replace("*", "lambda-guardrails-0.1.0-SNAPSHOT");
    }

    private record Instruction(String keyword, String arguments) {
    }

    /** Instructions with continuation lines joined and comments dropped. */
    private static List<Instruction> instructions(String dockerfile) throws IOException {
        String joined = Files.readAllLines(DOCKER.resolve(dockerfile)).stream()
                .filter(line -> !line.stripLeading().startsWith("#"))
                .reduce("", (text, line) -> text + line + "\n")
                .replace("\\\n", " ");
        return joined.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.split("\\s+", 2))
                .map(parts -> new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""))
                .toList();
    }

    private static List<String> all(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private static String only(List<Instruction> instructions, String keyword) {
        List<String> found = all(instructions, keyword);
        assertThat(found).as("%s instructions", keyword).hasSize(1);
        return found.get(0);
    }
}
