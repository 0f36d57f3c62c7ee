package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.sink.S3Access;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.net.URI;

/** How a command reaches AWS with the caller's own credentials: endpoint, home region and retries. */
public class AwsOptions {

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this endpoint (an emulator such as moto). Default: $AWS_ENDPOINT_URL, else AWS.")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "Region for the caller's own calls (STS, S3) and the default scan region. Default: from the AWS profile or environment.")
    String region;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts per AWS call, throttling retries included (default: ${DEFAULT-VALUE}).", defaultValue = "" + AwsSettings.DEFAULT_MAX_ATTEMPTS)
    int maxAttempts;

    public AwsSettings settings() {
        return new AwsSettings(endpoint(), homeRegion().id(), maxAttempts, AwsSettings.DEFAULT_CALL_TIMEOUT,
                AwsSettings.DEFAULT_MAX_CONNECTIONS);
    }

    public Region homeRegion() {
        if (region != null) {
            return Region.of(region);
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }

    /** S3 as the caller (never a member account's role), built on first use. */
    public S3Access s3(ClientFactory clients, AwsCredentialsProvider callerCredentials) {
        Region home = homeRegion();
        return S3Access.lazy(() -> clients.s3(home, callerCredentials), () -> clients.presigner(home, callerCredentials));
    }

    private URI endpoint() {
        if (endpointUrl != null) {
            return endpointUrl;
        }
        String fromEnvironment = System.getenv("AWS_ENDPOINT_URL");
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : URI.create(fromEnvironment);
    }
}
