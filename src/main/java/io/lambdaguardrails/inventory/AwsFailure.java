package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.Set;

/**
 * Classifies an AWS call's failure into a coverage status with a short message built from the error code and
 * HTTP status only — AWS error messages can echo request data, so they never reach the report verbatim.
 */
public record AwsFailure(CoverageStatus status, String message) {

    private static final String ABANDONED = "abandoned at the account deadline";

    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedException", "AuthorizationError", "AuthFailure",
            "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException",
            "AWSOrganizationsNotInUseException", "OptInRequired", "SignatureDoesNotMatch");

    /** A call cut off because its account ran out of time: the account's deadline entry already says so. */
    public boolean abandoned() {
        return status == CoverageStatus.TIMEOUT && ABANDONED.equals(message);
    }

    public static AwsFailure of(Throwable error) {
        Throwable t = unwrap(error);
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return new AwsFailure(CoverageStatus.TIMEOUT, "call timed out");
        }
        if (t instanceof InterruptedException) {
            return new AwsFailure(CoverageStatus.TIMEOUT, ABANDONED);
        }
        if (t instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            int http = e.statusCode();
            String what = (code == null || code.isBlank() ? "HTTP " + http : code + " (HTTP " + http + ")");
            if (e.isThrottlingException()) {
                return new AwsFailure(CoverageStatus.THROTTLED, what + ", retries exhausted");
            }
            if (code != null && ACCESS_DENIED_CODES.contains(code) || http == 403) {
                return new AwsFailure(CoverageStatus.ACCESS_DENIED, what);
            }
            // Only a candidate: the caller asks again before it writes the operation off (see ApiCaller). A code-less
            // 500 is a server error like any other, retried by the SDK and ERROR when it persists.
            if ((code == null || code.isBlank()) && (http == 404 || http == 501)) {
                return new AwsFailure(CoverageStatus.UNSUPPORTED, "operation not implemented by the endpoint (" + what + ")");
            }
            return new AwsFailure(CoverageStatus.ERROR, what);
        }
        if (t instanceof SdkClientException e && e.getCause() != null
                && (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
            return new AwsFailure(CoverageStatus.TIMEOUT, ABANDONED);
        }
        return new AwsFailure(CoverageStatus.ERROR, t.getClass().getSimpleName());
    }

    /**
     * Whether the call failed because the account's credentials could not be refreshed (STS answered, not the
     * service called): that is a failure of the account's session, not of the API being called.
     */
    public static boolean credentialRefresh(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StsException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the error means "this thing does not exist", which for optional sub-resources is an answer. */
    public static boolean notFound(Throwable error) {
        return unwrap(error) instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null
                && (e.awsErrorDetails().errorCode().endsWith("NotFoundException")
                || e.awsErrorDetails().errorCode().endsWith("NotFound")
                || e.awsErrorDetails().errorCode().equals("NoSuchEntity"));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
