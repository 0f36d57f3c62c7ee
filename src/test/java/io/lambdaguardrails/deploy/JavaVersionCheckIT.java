package io.lambdaguardrails.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code java -jar quarkus-run.jar} with a Java older than 21 says what to do and exits 2 (a usage error) — not a
 * stack trace and exit 1, which means "findings"; with a Java 21+ the CLI starts as before.
 */
class JavaVersionCheckIT {

    private static final Path CLI = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path work;

    @Test
    void anOldJavaIsNamedWithTheLauncherToUseAndExitsTwo() throws Exception {
        Optional<Path> java17 = installedJava17();
        assumeThat(java17).as("no Java 17 under /usr/lib/jvm to start the CLI with").isPresent();

        Result result = run(java17.get().toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as("one line").hasSize(1);
        assertThat(result.err()).contains("lambda-guardrails needs Java 21 or newer; this is Java 17 (")
                .contains("(" + java17.get().toRealPath() + ")")
                .contains("Use the launcher " + CLI.resolveSibling("lambda-guardrails"))
                .contains("set JAVA_HOME")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aCurrentJavaStartsTheCli() throws Exception {
        Result result = run(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("lambda-guardrails ");
    }

    /** A JDK 17, known by its release file rather than by its folder's name. */
    private static Optional<Path> installedJava17() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(JavaVersionCheckIT::isJava17).map(home -> home.resolve("bin/java")).findFirst();
        }
    }

    private static boolean isJava17(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .anyMatch(line -> line.startsWith("JAVA_VERSION=\"17.") || line.equals("JAVA_VERSION=\"17\""));
        } catch (IOException e) {
            return false;
        }
    }

    private Result run(String java) throws Exception {
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(List.of(java, "-jar", CLI.toString(), "--version"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("CLI finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
