package io.lambdaguardrails.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of the report template: from a user's {@code --template} folder when it has them, else from the copy of
 * {@code reports-template/} bundled in the jar — so a user may override only {@code report.css}, say.
 */
final class TemplateFiles {

    static final String BUNDLED = "reports-template/";

    private final Path overrides;

    private TemplateFiles(Path overrides) {
        this.overrides = overrides;
    }

    static TemplateFiles bundled() {
        return new TemplateFiles(null);
    }

    static TemplateFiles overriddenBy(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("template folder " + directory + " does not exist or is not a folder");
        }
        return new TemplateFiles(directory);
    }

    Optional<String> read(String name) {
        try {
            if (overrides != null) {
                Path file = overrides.resolve(name).normalize();
                if (file.startsWith(overrides.normalize()) && Files.isRegularFile(file)) {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            try (InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream(BUNDLED + name)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template file " + name, e);
        }
    }

    String require(String name) {
        return read(name).orElseThrow(() -> new IllegalStateException("template file " + name + " is missing"));
    }

    String describe() {
        return overrides == null ? "bundled template" : "template " + overrides;
    }
}
