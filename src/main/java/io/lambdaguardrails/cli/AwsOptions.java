package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.sink.S3Access;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.net.URI;

/** How a command reaches AWS with the caller's own credentials: endpoint, home region and retries. */
public class AwsOptions {

    static final int MAX_ATTEMPTS = 20;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--endpoint-url", paramLabel = "URL", converter = EndpointConverter.class, description = "Send every AWS call to this endpoint (an emulator such as moto). Default: $AWS_ENDPOINT_URL, else AWS.")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", description = "Region for the caller's own calls (STS, S3) and the default scan region. Default: from the AWS profile or environment.")
    String region;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts per AWS call, throttling retries included (default: ${DEFAULT-VALUE}).", defaultValue = "" + AwsSettings.DEFAULT_MAX_ATTEMPTS)
    int maxAttempts;

    /** @throws ParameterException (exit 2) for an attempt count out of range or a malformed AWS_ENDPOINT_URL */
    public AwsSettings settings() {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new ParameterException(command.commandLine(), "--max-attempts must be between 1 and " + MAX_ATTEMPTS
                    + ", got " + maxAttempts);
        }
        return new AwsSettings(endpoint(), homeRegion().id(), maxAttempts, AwsSettings.DEFAULT_CALL_TIMEOUT,
                AwsSettings.DEFAULT_MAX_CONNECTIONS);
    }

    public Region homeRegion() {
        if (region != null) {
            if (!Region.regions().contains(Region.of(region))) {
                throw new ParameterException(command.commandLine(), "--region: '" + region + "' is not an AWS region "
                        + "(write a region code such as us-east-1)");
            }
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
        try {
            return fromEnvironment == null || fromEnvironment.isBlank() ? null
                    : EndpointConverter.parse(fromEnvironment, "AWS_ENDPOINT_URL");
        } catch (TypeConversionException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
