package io.lambdaguardrails.sink;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The caller's S3 client and presigner, asked for only when an {@code s3://} location is used, so a run that writes
 * to a local folder never needs AWS credentials.
 */
public interface S3Access {

    S3Client client();

    S3Presigner presigner();
}
