package io.lambdaguardrails.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.integrations.IntegrationOptions;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.S3Location;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Lambda function's event: what to scan and how to report it.
 *
 * <pre>{@code
 * {
 *   "request": {"org": true, "regions": ["eu-west-1", "us-east-1"],
 *               "roleArnTemplate": "arn:aws:iam::{accountId}:role/LambdaGuardrailsReadOnly"},
 *   "output": "s3://reports-bucket/lambda-guardrails/",
 *   "config": "s3://reports-bucket/lambda-guardrails/config/guardrails.yaml",
 *   "failOn": "high",
 *   "scheduledTime": "<aws.scheduler.scheduled-time>",
 *   "securityHub": "eu-west-1",
 *   "notify": ["sns:arn:aws:sns:eu-west-1:111122223333:guardrails-alerts"],
 *   "notifyOn": "high",
 *   "splitBy": "owner"
 * }
 * }</pre>
 *
 * @param request       the JSON form of {@link ScanRequest} (required; {@code {}} scans the function's own account)
 * @param output        {@code s3://bucket/prefix} for the reports; default: the function's {@code GUARDRAILS_OUTPUT}
 * @param config        the {@code guardrails.yaml}: an {@code s3://} URI, the YAML text, or the same as a JSON object;
 *                      default: the built-in settings
 * @param failOn        open findings at or above this severity make the status FINDINGS (exit code 1)
 * @param runId         the run's id; shards of one run share it
 * @param scheduledTime the time EventBridge Scheduler meant to run this ({@code <aws.scheduler.scheduled-time>}); without
 *                      {@code runId}, the run id is derived from it, the same for a schedule's retries and for every
 *                      shard's schedule
 * @param securityHub   import the findings into Security Hub of the function's account in this region
 * @param notifyTargets {@code notify}: {@code sns:TOPIC_ARN} or webhook URLs told when there are new findings or coverage gaps
 * @param notifyOn      lowest severity of a new finding worth a notification (default HIGH)
 * @param splitBy       {@code owner}, {@code account} or {@code ou}: also one set of reports per value under
 *                      {@code views/} (as {@code --split-by}); ignored by a shard, whose merge splits
 */
public record ScanEvent(ScanRequest request, String output, JsonNode config, String failOn, String runId,
                        Instant scheduledTime, String securityHub, @JsonProperty("notify") List<String> notifyTargets,
                        String notifyOn, String splitBy) {

    public ScanEvent {
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
    }

    /**
     * Reads the event strictly: an unknown or mistyped field is an error naming its path ({@code request.accountTimeout}).
     *
     * @throws InvalidEventException when the event is not a valid scan event
     */
    public static ScanEvent parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new InvalidEventException("the event must be a JSON object such as "
                    + "{\"request\": {\"org\": true, \"regions\": [\"us-east-1\"]}}");
        }
        ScanEvent parsed;
        try {
            parsed = Json.mapper().treeToValue(event, ScanEvent.class);
        } catch (JsonMappingException e) {
            throw new InvalidEventException(describe(e));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("the event cannot be read: " + e.getOriginalMessage());
        }
        if (parsed.request() == null) {
            throw new InvalidEventException("request: missing; give the scan request, e.g. \"request\": {\"org\": true}");
        }
        if (parsed.runId() != null && !RunId.valid(parsed.runId())) {
            throw new InvalidEventException("runId: must look like 20261128T020000Z-suffix (UTC start, then letters or "
                    + "digits), got '" + clip(parsed.runId()) + "'");
        }
        if (parsed.request().shard() != null && parsed.effectiveRunId().isEmpty()) {
            throw new InvalidEventException("request.shard: a shard writes its result under the run id its sibling "
                    + "shards share: give runId, or \"scheduledTime\": \"<aws.scheduler.scheduled-time>\" in every "
                    + "shard's schedule");
        }
        parsed.severity(); // rejects an unknown failOn now rather than after the scan
        parsed.split();
        parsed.integrations();
        return parsed;
    }

    /** @throws InvalidEventException for a bad notify target or severity */
    public IntegrationOptions integrations() {
        Severity threshold;
        try {
            threshold = notifyOn == null ? null : Severity.parse(notifyOn);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("notifyOn: " + e.getMessage());
        }
        try {
            return IntegrationOptions.parse(securityHub, notifyTargets, threshold);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("notify: " + e.getMessage().replace("--notify", "a target"));
        }
    }

    /** The given run id, else the one derived from the scheduled time; empty for a new id from the start time. */
    public Optional<String> effectiveRunId() {
        if (runId != null) {
            return Optional.of(runId);
        }
        return Optional.ofNullable(scheduledTime).map(RunId::scheduled);
    }

    /** A shard's result is partial: merged later, never compared with a baseline, never latest/. */
    public boolean partial() {
        return request.shard() != null;
    }

    /** What the reports are split by; null for no views, and for a shard (its merge splits). */
    public SplitBy split() {
        try {
            return splitBy == null || partial() ? null : SplitBy.parse(splitBy);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("splitBy: " + e.getMessage());
        }
    }

    /** @throws InvalidEventException for an unknown severity */
    public Severity severity() {
        try {
            return failOn == null ? null : Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("failOn: " + e.getMessage());
        }
    }

    /**
     * The event's output, else {@code fallback}; reports must go to S3, since a function's file system is gone when
     * the invocation ends.
     */
    public String output(Optional<String> fallback) {
        String where = output != null ? output : fallback.orElseThrow(() -> new InvalidEventException(
                "output: missing; give \"output\": \"s3://bucket/prefix\" or set GUARDRAILS_OUTPUT on the function"));
        try {
            S3Location.parse(where);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("output: reports go to S3 from a Lambda function (" + e.getMessage() + ")");
        }
        return where;
    }

    /** Jackson's complaint, said as the path of the bad field and what it should hold. */
    private static String describe(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException unknown) {
            return path + ": unknown field; expected one of " + known(unknown.getKnownPropertyIds());
        }
        String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? expected(mismatch.getTargetType()) : "another value";
        String got = e instanceof InvalidFormatException invalid ? ", got '" + clip(String.valueOf(invalid.getValue())) + "'" : "";
        return (path.isEmpty() ? "the event" : path) + ": expected " + expected + got;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT10M";
        }
        if (type == Instant.class) {
            return "an ISO-8601 time such as 2026-11-28T02:00:00Z";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type == ScanRequest.class || type == ScanEvent.class) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    /** Event values are echoed in errors, never at length. */
    private static String clip(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
