package io.lambdaguardrails.sink;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/** Reports in a local folder. Each file is written beside its target and moved into place, so no reader sees half a file. */
public final class LocalDirectorySink implements ReportSink {

    private final Path root;

    public LocalDirectorySink(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public void write(String key, Path file, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".writing-", ".tmp");
            try {
                // Copied beside the target first: the source may be on another file system, where a move is a copy.
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                move(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new SinkException("cannot write " + target + ": " + e, e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        Path file = resolve(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new SinkException("cannot read " + file + ": " + e, e);
        }
    }

    @Override
    public String location(String key) {
        return resolve(key).toString();
    }

    @Override
    public URI link(String key, Duration expiry) {
        return resolve(key).toUri();
    }

    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("key " + key + " leaves the report folder");
        }
        return file;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
