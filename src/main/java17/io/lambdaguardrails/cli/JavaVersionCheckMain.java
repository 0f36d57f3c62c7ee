package io.lambdaguardrails.cli;

import io.quarkus.picocli.runtime.PicocliRunner;
import io.quarkus.runtime.Quarkus;

import java.io.File;
import java.nio.file.Path;

/**
 * The application's entry point: checks the Java version before Quarkus loads a class built for Java 21, so that
 * {@code java -jar quarkus-run.jar} on an older Java says what to do and exits 2 (a usage error) instead of a stack
 * trace and exit 1, which means "findings". Compiled for Java 17, the oldest Java that Quarkus' own start-up code runs
 * on; it must not use anything newer.
 */
public final class JavaVersionCheckMain {

    private static final int REQUIRED = 21;

    private JavaVersionCheckMain() {
    }

    public static void main(String... args) {
        int running = Runtime.version().feature();
        if (running < REQUIRED) {
            System.err.println("lambda-guardrails needs Java " + REQUIRED + " or newer; this is Java " + running + " ("
                    + Path.of(System.getProperty("java.home"), "bin", "java") + "). Use the launcher " + launcher()
                    + " or set JAVA_HOME to a Java " + REQUIRED + "+.");
            System.exit(2);
        }
        Quarkus.run(PicocliRunner.class, args);
    }

    /** The launcher installed beside quarkus-run.jar, named as the user named the jar. */
    private static String launcher() {
        Path jar = Path.of(System.getProperty("java.class.path", "").split(File.pathSeparator)[0]);
        return jar.getFileName() != null && jar.getFileName().toString().equals("quarkus-run.jar")
                ? String.valueOf(jar.resolveSibling("lambda-guardrails"))
                : "lambda-guardrails";
    }
}
