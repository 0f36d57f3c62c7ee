package io.lambdaguardrails.sink;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports under an S3 prefix, written with the caller's client — the scanner's own credentials, never a member
 * account's. Every object carries its content type, server-side encryption and a CRC32 checksum S3 verifies on
 * receipt; retries are the client's (the SDK's standard retry policy). The body is streamed from a local file, so a
 * large report is never held in memory.
 */
public final class S3Sink implements ReportSink {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Location location;
    private final Encryption encryption;

    public S3Sink(S3Client s3, S3Presigner presigner, S3Location location, Encryption encryption) {
        this.s3 = s3;
        this.presigner = presigner;
        this.location = location;
        this.encryption = encryption;
    }

    @Override
    public void write(String key, Path file, String contentType) {
        try {
            s3.putObject(put(key, contentType).build(), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new SinkException("cannot write " + location(key) + ": " + e.getMessage(), e);
        }
    }

    /** S3's conditional write: If-Match on the ETag read before, or If-None-Match * when there was none. */
    @Override
    public boolean writeIfUnchanged(String key, Path file, String contentType, String expectedVersion) {
        PutObjectRequest.Builder request = put(key, contentType);
        if (expectedVersion == null) {
            request.ifNoneMatch("*");
        } else {
            request.ifMatch(expectedVersion);
        }
        try {
            s3.putObject(request.build(), RequestBody.fromFile(file));
            return true;
        } catch (S3Exception e) {
            // 412: the object changed; 409: a concurrent conditional write is in progress; 404: it was deleted.
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404 && expectedVersion != null) {
                return false;
            }
            throw new SinkException("cannot write " + location(key) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new SinkException("cannot write " + location(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void copy(String fromKey, String toKey, String contentType) {
        try {
            s3.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(location.key(fromKey))
                    .destinationBucket(location.bucket()).destinationKey(location.key(toKey))
                    .contentType(contentType).metadataDirective(MetadataDirective.REPLACE)
                    .serverSideEncryption(encryption.mode()).ssekmsKeyId(encryption.kmsKeyId()));
        } catch (SdkException e) {
            throw new SinkException("cannot copy " + location(fromKey) + " to " + location(toKey) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(location.bucket()).key(location.key(key)));
        } catch (SdkException e) {
            throw new SinkException("cannot delete " + location(key) + ": " + e.getMessage(), e);
        }
    }

    private PutObjectRequest.Builder put(String key, String contentType) {
        return PutObjectRequest.builder()
                .bucket(location.bucket())
                .key(location.key(key))
                .contentType(contentType)
                .serverSideEncryption(encryption.mode())
                .ssekmsKeyId(encryption.kmsKeyId())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32);
    }

    @Override
    public Optional<byte[]> read(String key) {
        return readVersioned(key).map(Versioned::bytes);
    }

    /** A missing key is no object; a missing bucket is an error, never "no earlier run". */
    @Override
    public Optional<Versioned> readVersioned(String key) {
        try {
            var object = s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key(key)));
            return Optional.of(new Versioned(object.asByteArray(), object.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (e.statusCode() == 404 && !"NoSuchBucket".equals(code)) {
                return Optional.empty();
            }
            throw new SinkException("cannot read " + location(key) + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new SinkException("cannot read " + location(key) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        String under = location.key(prefix);
        try {
            List<String> keys = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(under)).contents()
                    .forEach(object -> keys.add(prefix + object.key().substring(under.length())));
            return keys;
        } catch (SdkException e) {
            throw new SinkException("cannot list " + location(prefix) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String location(String key) {
        return "s3://" + location.bucket() + "/" + location.key(key);
    }

    @Override
    public URI link(String key, Duration expiry) {
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(expiry)
                    .getObjectRequest(g -> g.bucket(location.bucket()).key(location.key(key)))).url().toURI();
        } catch (SdkException | URISyntaxException e) {
            throw new SinkException("cannot pre-sign a link to " + location(key) + ": " + e.getMessage(), e);
        }
    }
}
