package io.lambdaguardrails.integrations;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.Json;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends a {@link Notification} to one target. SNS messages carry the new-finding counts as Number message attributes
 * ({@code CRITICAL}, {@code HIGH}, … and {@code coverageGaps}) so that subscriptions can filter on them; webhooks get
 * the JSON of {@link Notification#webhookBody()}. A failure is returned as a sentence, never thrown.
 */
public final class Notifier {

    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(15);

    private final Function<String, SnsClient> snsInRegion;
    private final HttpClient http;

    /** @param snsInRegion the caller's SNS client for a topic's region */
    public Notifier(Function<String, SnsClient> snsInRegion, HttpClient http) {
        this.snsInRegion = snsInRegion;
        this.http = http;
    }

    /** @return why sending failed, or empty when it was sent */
    public Optional<String> send(Notification notification, NotifyTarget target) {
        return switch (target) {
            case NotifyTarget.Sns sns -> publish(notification, sns);
            case NotifyTarget.Webhook webhook -> post(notification, webhook);
        };
    }

    private Optional<String> publish(Notification notification, NotifyTarget.Sns target) {
        try {
            snsInRegion.apply(target.region()).publish(b -> b.topicArn(target.topicArn())
                    .subject(notification.subject()).message(notification.text())
                    .messageAttributes(attributes(notification)));
            return Optional.empty();
        } catch (SdkException e) {
            return Optional.of("notification to " + target.describe() + " failed: " + e.getMessage());
        }
    }

    static Map<String, MessageAttributeValue> attributes(Notification notification) {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        for (Map.Entry<Severity, Integer> count : notification.severityCounts().entrySet()) {
            attributes.put(count.getKey().name(), number(count.getValue()));
        }
        attributes.put("coverageGaps", number(notification.news().newGaps().size()));
        attributes.put("runId", MessageAttributeValue.builder().dataType("String")
                .stringValue(notification.news().runId()).build());
        return attributes;
    }

    private static MessageAttributeValue number(int value) {
        return MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(value)).build();
    }

    private Optional<String> post(Notification notification, NotifyTarget.Webhook target) {
        try {
            HttpRequest request = HttpRequest.newBuilder(target.url()).timeout(WEBHOOK_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            Json.mapper().writeValueAsBytes(notification.webhookBody())))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                return Optional.of("notification to " + target.describe() + " failed: HTTP " + response.statusCode());
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("notification to " + target.describe() + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("notification to " + target.describe() + " interrupted");
        }
    }
}
