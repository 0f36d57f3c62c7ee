package io.lambdaguardrails.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs node scripts from tests; skips the test, saying why, where node or the npm packages are missing. */
public final class NodeTool {

    public record Result(int exitCode, String output) {
    }

    private NodeTool() {
    }

    /**
     * Skips the calling test unless node is installed and {@code packageDir} has {@code requiredModule} installed
     * (running {@code npm ci} from its lockfile if it is not yet).
     */
    public static void requirePackages(Path packageDir, String requiredModule, String purpose) throws InterruptedException {
        assumeTrue(run(List.of("node", "--version"), 30).exitCode() == 0, "node is not installed: " + purpose + " is not tested");
        if (!Files.isDirectory(packageDir.resolve("node_modules").resolve(requiredModule))) {
            Result install = run(List.of("npm", "ci", "--prefix", packageDir.toString(), "--no-audit", "--no-fund"), 300);
            assumeTrue(install.exitCode() == 0,
                    requiredModule + " could not be installed (npm ci --prefix " + packageDir + "): " + install.output());
        }
    }

    /** Runs a command; {@code environment} holds name, value pairs. */
    public static Result run(List<String> command, int timeoutSeconds, String... environment) throws InterruptedException {
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
