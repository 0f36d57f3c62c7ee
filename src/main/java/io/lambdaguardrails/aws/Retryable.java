package io.lambdaguardrails.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;

/**
 * Which failures are worth another attempt: throttling, AWS server errors that carry an error code, and broken
 * connections. A 5xx without an AWS error code is an endpoint that does not implement the operation (an emulator
 * answering with an HTML page): retrying it only delays the scan, so it is recorded as UNSUPPORTED at once.
 */
final class Retryable {

    private Retryable() {
    }

    static boolean test(Throwable error) {
        if (throttling(error)) {
            return true;
        }
        if (error instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return e.statusCode() >= 500 && code != null && !code.isBlank();
        }
        if (error instanceof SdkClientException) {
            for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean throttling(Throwable error) {
        return error instanceof SdkServiceException e && e.isThrottlingException();
    }
}
