package io.lambdaguardrails.sink;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where reports go: an S3 prefix or a local folder. Keys are relative to the sink's root and {@code /}-separated
 * ({@code runs/2026/11/28/<runId>/report.html}).
 */
public interface ReportSink {

    /** Writes one object from the content of a local file (which stays), replacing what is there. */
    void write(String key, Path file, String contentType) throws SinkException;

    /** The object's bytes, or empty when there is none. */
    Optional<byte[]> read(String key) throws SinkException;

    /** An object's bytes and the version a conditional write compares with (an S3 ETag, a local file's digest). */
    record Versioned(byte[] bytes, String version) {
    }

    /** The object with its version, or empty when there is none. */
    Optional<Versioned> readVersioned(String key) throws SinkException;

    /**
     * Writes {@code key} only if it still has {@code expectedVersion} (null: only if there is none), atomically with
     * that check. False when another writer changed it first; the object is then left as that writer left it.
     */
    boolean writeIfUnchanged(String key, Path file, String contentType, String expectedVersion) throws SinkException;

    /** The keys under {@code prefix} (a folder, {@code runs/}), in no particular order; empty when there are none. */
    List<String> list(String prefix) throws SinkException;

    /** Deletes an object; nothing happens when there is none. */
    void delete(String key) throws SinkException;

    /** Copies one object of the sink to another key. */
    void copy(String fromKey, String toKey, String contentType) throws SinkException;

    /** Where a key is, for people: {@code s3://bucket/prefix/key} or an absolute path. */
    String location(String key);

    /** A link a browser can open: a pre-signed HTTPS URL valid for {@code expiry}, or a {@code file:} URI. */
    URI link(String key, Duration expiry) throws SinkException;
}
