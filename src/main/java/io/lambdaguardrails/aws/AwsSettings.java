package io.lambdaguardrails.aws;

import java.net.URI;
import java.time.Duration;

/**
 * How clients talk to AWS. {@code endpoint} points every client at one URL (an emulator such as moto, or a proxy);
 * null means the real regional endpoints.
 *
 * @param maxAttempts       attempts per call, throttling retries included (adaptive retry with backoff)
 * @param callTimeout       upper bound of one API call, retries included, so no thread waits forever
 * @param maxConnections    HTTP connections shared by all clients of a run
 */
public record AwsSettings(URI endpoint, String defaultRegion, int maxAttempts, Duration callTimeout, int maxConnections) {

    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
}
