package io.lambdaguardrails.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Collects the output lines of a started process as they come, for tests that act on what it prints. */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /** Reads into {@code lines} on a virtual thread until the process closes its output, so nothing it wrote is missed. */
    public static Thread collect(Process process, List<String> lines) {
        return Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        });
    }
}
