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
import java.util.Objects;
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

    /** The version is the identity of the stored array: every write stores a new one. */
    @Override
    public Optional<Versioned> readVersioned(String key) {
        return read(key).map(bytes -> new Versioned(bytes, Integer.toHexString(System.identityHashCode(bytes))));
    }

    @Override
    public synchronized boolean writeIfUnchanged(String key, Path file, String contentType, String expectedVersion) {
        if (!Objects.equals(readVersioned(key).map(Versioned::version).orElse(null), expectedVersion)) {
            return false;
        }
        write(key, file, contentType);
        return true;
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
        contentTypes.remove(key);
    }

    @Override
    public void copy(String fromKey, String toKey, String contentType) {
        if (failing.test(toKey)) {
            throw new SinkException("cannot copy to mem:/" + toKey + ": injected failure");
        }
        writes.add(toKey);
        objects.put(toKey, objects.get(fromKey).clone());
        contentTypes.put(toKey, contentType);
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
