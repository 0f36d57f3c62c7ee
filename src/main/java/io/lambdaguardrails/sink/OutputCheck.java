package io.lambdaguardrails.sink;

import io.lambdaguardrails.aws.Reachability;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the output can take the reports, asked before the first account is scanned, so a read-only folder, a file
 * or a missing bucket costs seconds rather than a whole scan. Leaves nothing behind in a local folder; in S3 it
 * writes one small marker object under the prefix (the scanner's role may not delete objects).
 */
public final class OutputCheck {

    /** The marker written (and overwritten by every run) to prove the prefix takes objects. */
    public static final String MARKER = ".lambda-guardrails-write-check";

    private OutputCheck() {
    }

    /** What is wrong with the output, said so a user can fix it; empty when it can be written. */
    public static Optional<String> problem(ReportDelivery.Options options, S3Access s3) {
        return S3Location.isS3(options.output())
                ? s3Problem(S3Location.parse(options.output()), options.encryption(), s3)
                : localProblem(options.output());
    }

    private static Optional<String> localProblem(String output) {
        Path root = Path.of(output).toAbsolutePath().normalize();
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of("--output " + output + ": no part of this path exists");
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of("--output " + output + ": " + existing + " is a file, not a folder");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".lambda-guardrails-probe-", ".tmp"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("--output " + output + ": cannot write in " + existing + " (" + reason(e) + ")");
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? "unknown I/O error" : e.getMessage();
    }

    private static Optional<String> s3Problem(S3Location location, Encryption encryption, S3Access s3) {
        String where = "--output " + location;
        URI endpoint = s3.client().serviceClientConfiguration().endpointOverride().orElse(null);
        try {
            s3.client().headBucket(b -> b.bucket(location.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.of(where + ": bucket " + location.bucket() + " does not exist (create it, or correct the name)");
            }
            if (e.statusCode() == 301) {
                return Optional.of(where + ": bucket " + location.bucket() + " is in another region than --region");
            }
            // 403: a role limited to the reports prefix may not see the bucket itself; the probe below decides.
            if (e.statusCode() != 403) {
                return Optional.of(where + ": " + Reachability.describe(e, endpoint));
            }
        } catch (SdkException e) {
            return Optional.of(where + ": " + Reachability.describe(e, endpoint));
        }
        try {
            s3.client().putObject(p -> p.bucket(location.bucket()).key(location.key(MARKER))
                            .serverSideEncryption(encryption.mode()).ssekmsKeyId(encryption.kmsKeyId())
                            .contentType("text/plain"),
                    RequestBody.fromString("lambda-guardrails checks here that it may write its reports\n"));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of(where + ": cannot write under the prefix (" + Reachability.describe(e, endpoint) + ")");
        }
    }
}
