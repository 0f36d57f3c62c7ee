package io.lambdaguardrails.sink;

import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ScanResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Reads {@code findings.json} files named on the command line: a local path or an {@code s3://bucket/key} URI. A folder,
 * or an S3 URI ending in {@code /}, stands for every {@code findings.json} below it (the shards of a sharded run).
 */
public final class ReportFiles {

    static final String FINDINGS = "findings.json";

    private final S3Access s3;

    public ReportFiles(S3Access s3) {
        this.s3 = s3;
    }

    /**
     * @throws NoSuchElementException when there is no such file
     * @throws FindingsJson.InvalidFindingsException when it is not a findings.json this version reads
     * @throws SinkException when it cannot be read
     */
    public ScanResult read(String location) {
        return FindingsJson.read(bytes(location));
    }

    /** Every findings.json a location stands for, in name order; a file stands for itself. */
    public List<String> expand(String location) {
        if (S3Location.isS3(location)) {
            if (!location.endsWith("/")) {
                return List.of(location);
            }
            S3Location prefix = S3Location.parse(location);
            try {
                return s3.client().listObjectsV2Paginator(b -> b.bucket(prefix.bucket())
                                .prefix(prefix.prefix().isEmpty() ? "" : prefix.prefix() + "/"))
                        .contents().stream().map(S3Object::key)
                        .filter(key -> key.equals(FINDINGS) || key.endsWith("/" + FINDINGS))
                        .sorted().map(key -> "s3://" + prefix.bucket() + "/" + key).toList();
            } catch (SdkException e) {
                throw new SinkException("cannot list " + location + ": " + e.getMessage(), e);
            }
        }
        Path path = Path.of(location);
        if (!Files.isDirectory(path)) {
            return List.of(location);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(p -> p.getFileName().toString().equals(FINDINGS) && Files.isRegularFile(p))
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new SinkException("cannot list " + location + ": " + e, e);
        }
    }

    private byte[] bytes(String location) {
        if (S3Location.isS3(location)) {
            S3Location object = S3Location.parse(location);
            if (object.prefix().isEmpty()) {
                throw new IllegalArgumentException(location + " names a bucket, not an object");
            }
            try {
                return s3.client().getObjectAsBytes(b -> b.bucket(object.bucket()).key(object.prefix())).asByteArray();
            } catch (NoSuchKeyException e) {
                throw new NoSuchElementException("no such object: " + location);
            } catch (SdkException e) {
                throw new SinkException("cannot read " + location + ": " + e.getMessage(), e);
            }
        }
        try {
            return Files.readAllBytes(Path.of(location));
        } catch (NoSuchFileException e) {
            throw new NoSuchElementException("no such file: " + location);
        } catch (IOException e) {
            throw new SinkException("cannot read " + location + ": " + e, e);
        }
    }
}
