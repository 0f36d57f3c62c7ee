package io.lambdaguardrails.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.rules.config.ConfigException;
import io.lambdaguardrails.rules.config.ConfigLoader;
import io.lambdaguardrails.rules.config.GuardrailsConfig;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.sink.S3Location;
import software.amazon.awssdk.core.exception.SdkException;

import java.nio.charset.StandardCharsets;

/**
 * The event's {@code config}: an {@code s3://} URI of a {@code guardrails.yaml}, read with the function's role; the
 * YAML text itself; or the same document as a JSON object. Read as strictly as {@code --config} on the command line.
 */
final class EventConfig {

    private EventConfig() {
    }

    /** @throws InvalidEventException naming {@code config} and, for a file, its line */
    static GuardrailsConfig load(JsonNode config, S3Access s3) {
        if (config == null || config.isNull()) {
            return GuardrailsConfig.defaults();
        }
        try {
            if (config.isTextual() && S3Location.isS3(config.textValue())) {
                return ConfigLoader.forCatalogue().parse(read(config.textValue(), s3), config.textValue());
            }
            if (config.isTextual()) {
                return ConfigLoader.forCatalogue().parse(config.textValue(), "config");
            }
            if (config.isObject()) {
                // Printed one key per line, so an error's line number points into something readable.
                return ConfigLoader.forCatalogue().parse(Json.mapper().writeValueAsString(config), "config");
            }
        } catch (ConfigException e) {
            throw new InvalidEventException("config: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("config: cannot be read as a document (" + e.getOriginalMessage() + ")");
        }
        throw new InvalidEventException("config: expected an s3:// URI, the guardrails.yaml text, or an object");
    }

    private static String read(String uri, S3Access s3) {
        S3Location location;
        try {
            location = S3Location.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("config: " + e.getMessage());
        }
        if (location.prefix().isEmpty()) {
            throw new InvalidEventException("config: " + uri + " names a bucket, not an object");
        }
        try {
            return s3.client().getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.prefix()))
                    .asString(StandardCharsets.UTF_8);
        } catch (SdkException e) {
            throw new InvalidEventException("config: cannot read " + uri + " with the function's role ("
                    + e.getMessage() + ")");
        }
    }
}
