package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ScanResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes a run's findings.json into its run folder, then into latest/. */
public final class ReportPublisher {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    public record Publication(String location, boolean delivered) {
    }

    public Publication publish(ScanResult result, String output) {
        Path root = Path.of(output);
        Path run = root.resolve("runs").resolve(DAY.format(result.startedAt())).resolve(result.runId());
        try {
            byte[] json = Json.mapper().writeValueAsBytes(result);
            Files.createDirectories(run);
            Files.write(run.resolve("findings.json"), json);
            Files.createDirectories(root.resolve("latest"));
            Files.write(root.resolve("latest").resolve("findings.json"), json);
            return new Publication(run.toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
