package io.lambdaguardrails.sink;

import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Server-side encryption of report objects: SSE-S3 ({@code AES256}, the default) or SSE-KMS ({@code aws:kms}, with a
 * key id or ARN, or the account's {@code aws/s3} key when none is given).
 */
public record Encryption(ServerSideEncryption mode, String kmsKeyId) {

    public Encryption {
        if (mode != ServerSideEncryption.AES256 && mode != ServerSideEncryption.AWS_KMS) {
            throw new IllegalArgumentException("--sse must be AES256 or aws:kms");
        }
        if (kmsKeyId != null && mode != ServerSideEncryption.AWS_KMS) {
            throw new IllegalArgumentException("--kms-key-id needs --sse aws:kms");
        }
    }

    public static Encryption s3Managed() {
        return new Encryption(ServerSideEncryption.AES256, null);
    }

    /** From the command line: {@code --sse AES256|aws:kms} and {@code --kms-key-id}. */
    public static Encryption parse(String sse, String kmsKeyId) {
        if (sse == null || sse.isBlank()) {
            return kmsKeyId == null ? s3Managed() : new Encryption(ServerSideEncryption.AWS_KMS, kmsKeyId);
        }
        ServerSideEncryption mode = ServerSideEncryption.fromValue(sse.trim());
        if (mode == ServerSideEncryption.UNKNOWN_TO_SDK_VERSION) {
            throw new IllegalArgumentException("unknown --sse '" + sse + "' (expected AES256 or aws:kms)");
        }
        return new Encryption(mode, kmsKeyId);
    }
}
