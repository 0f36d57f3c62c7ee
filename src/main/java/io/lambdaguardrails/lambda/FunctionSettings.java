package io.lambdaguardrails.lambda;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The function's own settings, from its environment variables (or any Quarkus configuration source).
 *
 * @param output   {@code GUARDRAILS_OUTPUT}: where reports go when the event names no output
 * @param margin   {@code GUARDRAILS_LAMBDA_DEADLINE_MARGIN_SECONDS} (default 60): time kept after the scan deadline
 *                 for evaluating and publishing before Lambda ends the invocation
 * @param endpoint {@code GUARDRAILS_AWS_ENDPOINT_URL}: one endpoint for every AWS call (an emulator); null for AWS
 */
record FunctionSettings(Optional<String> output, Duration margin, URI endpoint) {

    static final int DEFAULT_MARGIN_SECONDS = 60;

    static FunctionSettings fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new FunctionSettings(config.getOptionalValue("guardrails.output", String.class),
                Duration.ofSeconds(config.getOptionalValue("guardrails.lambda.deadline-margin-seconds", Integer.class)
                        .orElse(DEFAULT_MARGIN_SECONDS)),
                config.getOptionalValue("guardrails.aws.endpoint-url", URI.class).orElse(null));
    }
}
