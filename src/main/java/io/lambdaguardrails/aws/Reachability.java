package io.lambdaguardrails.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Says, for a person, why a call never reached AWS — refused, unknown host, TLS, no answer — or that no credentials
 * were found, so that neither is mistaken for the other and no Java class name reaches the user.
 */
public final class Reachability {

    private Reachability() {
    }

    /** Why the call did not reach {@code endpoint} (null: AWS's own endpoints); empty when it did. */
    public static Optional<String> problem(Throwable error, URI endpoint) {
        String where = endpoint == null ? "the AWS endpoint" : endpoint.toString();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return Optional.of("nothing is listening at " + where + " (connection refused)");
            }
            if (t instanceof UnknownHostException) {
                return Optional.of("the host of " + where + " is unknown (DNS lookup failed)");
            }
            if (t instanceof NoRouteToHostException) {
                return Optional.of("no network route to " + where);
            }
            if (t instanceof SSLException) {
                return Optional.of("the TLS handshake with " + where + " failed; is it an https endpoint with a "
                        + "trusted certificate?");
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of(where + " did not answer in time");
            }
        }
        return Optional.empty();
    }

    /** Whether the SDK found no credentials at all (rather than AWS rejecting the ones it found). */
    public static boolean noCredentials(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SdkClientException && t.getMessage() != null
                    && t.getMessage().startsWith("Unable to load credentials")) {
                return true;
            }
        }
        return false;
    }

    /** A short description of any failed call: unreachable, no credentials, or AWS's error code and HTTP status. */
    public static String describe(Throwable error, URI endpoint) {
        return problem(error, endpoint)
                .or(() -> noCredentials(error) ? Optional.of("no AWS credentials found (set AWS_PROFILE, use "
                        + "'aws sso login', or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)") : Optional.empty())
                .orElseGet(() -> serviceError(error));
    }

    /** AWS's error code and HTTP status only: AWS error messages can echo request data. */
    private static String serviceError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AwsServiceException e) {
                String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
                return (code == null || code.isBlank() ? "" : code + " ") + "(HTTP " + e.statusCode() + ")";
            }
        }
        return "the call failed before AWS answered";
    }
}
