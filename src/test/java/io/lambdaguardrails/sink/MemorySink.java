package io.lambdaguardrails.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** A sink in memory that records the order of writes and fails the keys it is told to. */
final class MemorySink implements ReportSink {

    final Map<String, byte[]> objects = new LinkedHashMap<>();
    final Map<String, String> contentTypes = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    /** Every file a write was asked to send, failed or not. */
    final List<Path> sources = new ArrayList<>();
    private final Predicate<String> failing;

    MemorySink(Predicate<String> failing) {
        this.failing = failing;
    }

    MemorySink() {
        this(key -> false);
    }

    @Override
    public void write(String key, Path file, String contentType) {
        sources.add(file);
        if (failing.test(key)) {
            throw new SinkException("cannot write mem:/" + key + ": injected failure");
        }
        writes.add(key);
        try {
            objects.put(key, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contentTypes.put(key, contentType);
    }

    @Override
    public Optional<byte[]> read(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public String location(String key) {
        return "mem:/" + key;
    }

    @Override
    public URI link(String key, Duration expiry) {
        return URI.create("mem:/" + key);
    }
}
