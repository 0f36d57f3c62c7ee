package io.lambdaguardrails.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.integrations.NotifyTarget;
import io.lambdaguardrails.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ScanEventTest {

    static Stream<Arguments> badEvents() {
        return Stream.of(
                arguments("not an object", "[1, 2]", "the event must be a JSON object"),
                arguments("no request", "{\"output\": \"s3://reports/lg\"}", "request: missing"),
                arguments("unknown top-level field", "{\"request\": {}, \"outptu\": \"s3://reports/lg\"}",
                        "outptu: unknown field; expected one of [config, failOn, notify, notifyOn, output, request, runId, "
                                + "scheduledTime, securityHub, splitBy]"),
                arguments("unknown request field", "{\"request\": {\"organisation\": true}}",
                        "request.organisation: unknown field; expected one of [accountTags, accountTimeout, accounts"),
                arguments("duration", "{\"request\": {\"accountTimeout\": \"ten minutes\"}}",
                        "request.accountTimeout: expected an ISO-8601 duration such as PT10M, got 'ten minutes'"),
                arguments("boolean", "{\"request\": {\"org\": \"yes please\"}}", "request.org: expected true or false"),
                arguments("number", "{\"request\": {\"maxConcurrentAccounts\": \"many\"}}",
                        "request.maxConcurrentAccounts: expected a whole number, got 'many'"),
                arguments("list element", "{\"request\": {\"regions\": [\"us-east-1\", {\"name\": \"eu-west-1\"}]}}",
                        "request.regions[1]: expected a string"),
                arguments("request not an object", "{\"request\": \"--org\"}", "request: expected an object"),
                arguments("scheduled time", "{\"request\": {}, \"scheduledTime\": \"tonight\"}",
                        "scheduledTime: expected an ISO-8601 time such as 2026-11-28T02:00:00Z, got 'tonight'"),
                arguments("severity", "{\"request\": {}, \"failOn\": \"severe\"}", "failOn: unknown severity 'severe'"),
                arguments("run id", "{\"request\": {}, \"runId\": \"../../etc\"}", "runId: must look like 20261128T020000Z-suffix"),
                arguments("notify target", "{\"request\": {}, \"notify\": [\"mailto:sec@example.com\"]}",
                        "notify: a target takes sns:TOPIC_ARN or an https:// webhook URL"),
                arguments("notify severity", "{\"request\": {}, \"notifyOn\": \"loud\"}", "notifyOn: unknown severity 'loud'"),
                arguments("split", "{\"request\": {}, \"splitBy\": \"../team\"}",
                        "splitBy: unknown split-by value '../team' (expected owner, account or ou)"),
                arguments("shard without a shared run id", "{\"request\": {\"org\": true, \"shard\": \"0/4\"}}",
                        "request.shard: a shard writes its result under the run id its sibling shards share"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void aBadEventNamesTheBadField(String name, String json, String message) {
        assertThatThrownBy(() -> ScanEvent.parse(json(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }

    @Test
    void aFullEventReadsEveryField() {
        ScanEvent event = ScanEvent.parse(json("""
                {"request": {"org": true, "regions": ["eu-west-1"], "accountTimeout": "PT5M",
                             "roleArnTemplate": "arn:aws:iam::{accountId}:role/security/Audit"},
                 "output": "s3://reports/lambda-guardrails/", "config": "version: 1", "failOn": "high",
                 "runId": "20261128T020000Z-nightly", "securityHub": "eu-west-1",
                 "notify": ["sns:arn:aws:sns:eu-west-1:111122223333:guardrails-alerts", "https://hooks.example.com/T/B/x"],
                 "notifyOn": "critical", "splitBy": "OU"}"""));

        assertThat(event.request().org()).isTrue();
        assertThat(event.request().regions()).containsExactly("eu-west-1");
        assertThat(event.request().accountTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(event.request().roleArnFor("111122223333")).isEqualTo("arn:aws:iam::111122223333:role/security/Audit");
        assertThat(event.severity()).isEqualTo(Severity.HIGH);
        assertThat(event.effectiveRunId()).contains("20261128T020000Z-nightly");
        assertThat(event.output(Optional.empty())).isEqualTo("s3://reports/lambda-guardrails/");
        assertThat(event.partial()).isFalse();
        assertThat(event.integrations().securityHubRegion()).isEqualTo("eu-west-1");
        assertThat(event.integrations().notifyTargets()).containsExactly(
                new NotifyTarget.Sns("arn:aws:sns:eu-west-1:111122223333:guardrails-alerts"),
                new NotifyTarget.Webhook(java.net.URI.create("https://hooks.example.com/T/B/x")));
        assertThat(event.integrations().notifyOn()).isEqualTo(Severity.CRITICAL);
        assertThat(event.split()).isEqualTo(SplitBy.OU);
    }

    @Test
    void everyShardOfAScheduleDerivesTheSameRunIdFromTheScheduledTime() {
        List<ScanEvent> shards = Stream.of("0/3", "1/3", "2/3").map(shard -> ScanEvent.parse(json("""
                {"request": {"org": true, "shard": "%s"}, "scheduledTime": "2026-11-28T02:00:00Z"}""".formatted(shard))))
                .toList();

        assertThat(shards).allSatisfy(event -> {
            assertThat(event.effectiveRunId()).contains("20261128T020000Z-scheduled");
            assertThat(event.partial()).isTrue();
        });
    }

    @Test
    void theOutputDefaultsToTheFunctionsSettingAndMustBeS3() {
        ScanEvent event = ScanEvent.parse(json("{\"request\": {}}"));

        assertThat(event.output(Optional.of("s3://reports/lg"))).isEqualTo("s3://reports/lg");
        assertThatThrownBy(() -> event.output(Optional.empty())).hasMessageContaining("output: missing");
        assertThatThrownBy(() -> event.output(Optional.of("/tmp/reports")))
                .hasMessageContaining("output: reports go to S3 from a Lambda function");
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
