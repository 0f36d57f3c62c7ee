package io.lambdaguardrails.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The launcher picks a Java 21+ wherever one is and, when there is none, says so and exits 2 (a usage error) — never
 * the JVM's stack trace and exit 1, which means "findings".
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("src/main/bin/lambda-guardrails");

    @TempDir
    Path app;

    /** The tools the launcher uses, and no java: the machine's own must not decide the outcome. */
    private static final List<String> TOOLS = List.of("bash", "env", "awk", "cut", "dirname", "readlink");

    @BeforeEach
    void install() throws IOException {
        Path tools = Files.createDirectories(app.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(tool + " not found"));
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        Files.copy(LAUNCHER, app.resolve("lambda-guardrails"));
        app.resolve("lambda-guardrails").toFile().setExecutable(true);
        Files.writeString(app.resolve("quarkus-run.jar"), "stands in for the application");
    }

    @Test
    void withOnlyAnOldJavaItSaysWhatToInstallAndExitsTwo() throws Exception {
        Path old = fakeJava("17.0.2");
        Result result = run(Map.of("JAVA_HOME", old.toString(), "LAMBDA_GUARDRAILS_JDK_DIRS", app.resolve("none").toString()));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("needs Java 21 or newer").contains(old.resolve("bin/java") + " (17)")
                .contains("set JAVA_HOME");
    }

    @Test
    void findsANewEnoughJdkAmongTheInstalledOnes() throws Exception {
        Path jvms = Files.createDirectories(app.resolve("jvms"));
        Path old = fakeJava("17.0.2");
        Path current = installedJdk();
        Files.createSymbolicLink(jvms.resolve("current"), current);
        Result result = run(Map.of("JAVA_HOME", old.toString(), "LAMBDA_GUARDRAILS_JDK_DIRS", jvms.toString(),
                "JAVA_OPTS", "-XshowSettings:properties -version"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("java.home = " + current.toRealPath());
    }

    @Test
    void aScanCompilesWithC1AloneAndTheSerialCollectorBeforeTheUsersOptions() throws Exception {
        Path java = echoingJava();
        Result result = run(Map.of("JAVA_HOME", java.toString(), "JAVA_OPTS", "-Xmx2g"), "scan", "--org");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("args: -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx2g -jar "
                + app.resolve("quarkus-run.jar") + " scan --org");
    }

    @Test
    void otherCommandsKeepFullTieringWithTheSerialCollector() throws Exception {
        Path java = echoingJava();
        for (String command : List.of("evaluate", "daemon", "merge")) {
            Result result = run(Map.of("JAVA_HOME", java.toString(), "JAVA_OPTS", "-Xmx2g"), command, "--help");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).as(command).contains("args: -XX:+UseSerialGC -Xmx2g -jar "
                    + app.resolve("quarkus-run.jar") + " " + command + " --help");
        }
    }

    @Test
    void withoutTheApplicationBesideItSaysHowToBuildIt() throws Exception {
        Files.delete(app.resolve("quarkus-run.jar"));
        Result result = run(Map.of());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("quarkus-run.jar is missing").contains("./mvnw -B package");
    }

    /** A JDK of this test run's own Java, which is 21 or newer. */
    private static Path installedJdk() {
        Path home = Path.of(System.getProperty("java.home"));
        assumeThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);
        return home;
    }

    /** A {@code bin/java} that reports the given version, as {@code -XshowSettings:properties -version} does. */
    private Path fakeJava(String version) throws IOException {
        Path home = Files.createDirectories(app.resolve("jdk-" + version));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = " + version.split("\\.")[0] + "' >&2\n"
                + "echo 'old java ran' >&2\nexit 1\n");
        java.toFile().setExecutable(true);
        return home;
    }

    /** A Java 25 {@code bin/java} that prints the arguments it was started with. */
    private Path echoingJava() throws IOException {
        Path home = Files.createDirectories(app.resolve("jdk-echo"));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 25' >&2\necho \"args: $*\" >&2\n");
        java.toFile().setExecutable(true);
        return home;
    }

    private Result run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(app.resolve("lambda-guardrails").toString()));
        command.addAll(args.length == 0 ? List.of("--version") : List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().put("PATH", app.resolve("tools").toString());
        builder.environment().putAll(environment);
        Path err = app.resolve("stderr.txt");
        builder.redirectError(err.toFile()).redirectOutput(app.resolve("stdout.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String err) {
    }
}
