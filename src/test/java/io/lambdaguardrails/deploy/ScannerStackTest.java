package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.integrations.IntegrationOptions;
import io.lambdaguardrails.integrations.NotifyTarget;
import io.lambdaguardrails.lambda.ScanEvent;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.scan.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The scanner stack: the scheduler's event is a valid scan event, and the function, schedule and bucket are set up as documented. */
class ScannerStackTest {

    private static final JsonNode TEMPLATE = CloudFormationYaml.read("scanner.yaml");
    private static final String BUCKET = "lambda-guardrails-reports-1a2b3c";
    private static final Instant SCHEDULED = Instant.parse("2026-11-28T02:00:00Z");

    static Stream<Arguments> parameterSets() {
        return Stream.of(
                arguments("defaults", Map.of(), new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(),
                        List.of("all"), null, "arn:aws:iam::{accountId}:role/LambdaGuardrailsReadOnly", null,
                        32, Duration.ofMinutes(10), null, List.of()), null),
                arguments("path, external id, regions, limits, configuration file", Map.of(
                                "MemberRolePath", "/security/",
                                "MemberRoleName", "ScanRole",
                                "ExternalId", "org-1234",
                                "Regions", "eu-west-1,us-east-1",
                                "MaxConcurrentAccounts", "8",
                                "AccountTimeout", "PT5M",
                                "ConfigFile", "config/guardrails.yaml"),
                        new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(),
                                List.of("eu-west-1", "us-east-1"), null,
                                "arn:aws:iam::{accountId}:role/security/ScanRole", "org-1234",
                                8, Duration.ofMinutes(5), null, List.of()),
                        "s3://" + BUCKET + "/lambda-guardrails/config/guardrails.yaml"));
    }

    /** The event as the function receives it: the scheduler has filled in the scheduled time. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("parameterSets")
    void theScheduleSendsAScanEventTheFunctionAccepts(String name, Map<String, String> parameters, ScanRequest expected,
                                                       String config) throws Exception {
        String input = (String) new CfnEvaluator(TEMPLATE, parameters).withResource("ReportsBucket", BUCKET)
                .evaluate(TEMPLATE.at("/Resources/NightlyScan/Properties/Target/Input"));

        ScanEvent event = ScanEvent.parse(Json.mapper().readTree(
                input.replace("<aws.scheduler.scheduled-time>", SCHEDULED.toString())));

        assertThat(event.request()).isEqualTo(expected);
        assertThat(event.config() == null ? null : event.config().asText()).isEqualTo(config);
        assertThat(event.effectiveRunId()).contains("20261128T020000Z-scheduled");
        assertThat(event.output(Optional.of(reportsLocation()))).isEqualTo(reportsLocation());
    }

    static Stream<Arguments> integrationParameters() {
        String topic = "arn:aws:sns:eu-west-1:111122223333:guardrails-alerts";
        return Stream.of(
                arguments("defaults: neither", Map.of(), IntegrationOptions.NONE),
                arguments("Security Hub in the stack's region", Map.of("SecurityHubImport", "true"),
                        new IntegrationOptions("eu-west-1", List.of(), Severity.HIGH)),
                arguments("a topic and a threshold", Map.of("NotifyTopicArn", topic, "NotifyOn", "CRITICAL"),
                        new IntegrationOptions(null, List.of(new NotifyTarget.Sns(topic)), Severity.CRITICAL)),
                arguments("both", Map.of("SecurityHubImport", "true", "NotifyTopicArn", topic),
                        new IntegrationOptions("eu-west-1", List.of(new NotifyTarget.Sns(topic)), Severity.HIGH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrationParameters")
    void theScheduleAsksForSecurityHubAndNotificationsOnlyWhenTheirParametersAreSet(
            String name, Map<String, String> parameters, IntegrationOptions expected) throws Exception {
        String input = (String) new CfnEvaluator(TEMPLATE, parameters).withResource("ReportsBucket", BUCKET)
                .evaluate(TEMPLATE.at("/Resources/NightlyScan/Properties/Target/Input"));

        ScanEvent event = ScanEvent.parse(Json.mapper().readTree(
                input.replace("<aws.scheduler.scheduled-time>", SCHEDULED.toString())));

        assertThat(event.integrations()).isEqualTo(expected);
    }

    /** The function's GUARDRAILS_OUTPUT is the stack's reports location, within the prefix its role may write. */
    private static String reportsLocation() {
        return (String) new CfnEvaluator(TEMPLATE, Map.of()).withResource("ReportsBucket", BUCKET)
                .evaluate(TEMPLATE.at("/Resources/ScannerFunction/Properties/Environment/Variables/GUARDRAILS_OUTPUT"));
    }

    @Test
    void theMemberRoleArnOfTheEventIsTheOneTheScannerMayAssume() {
        CfnEvaluator evaluator = new CfnEvaluator(TEMPLATE, Map.of("MemberRolePath", "/security/"));
        String assumable = (String) evaluator.evaluate(statement("AssumeMemberRole").get("Resource"));
        String input = (String) evaluator.withResource("ReportsBucket", BUCKET)
                .evaluate(TEMPLATE.at("/Resources/NightlyScan/Properties/Target/Input"));

        assertThat(assumable).isEqualTo("arn:aws:iam::*:role/security/LambdaGuardrailsReadOnly");
        assertThat(input).contains("\"arn:aws:iam::{accountId}:role/security/LambdaGuardrailsReadOnly\"");
    }

    @Test
    void theFunctionIsAJava25SnapStartQuarkusFunction() {
        JsonNode function = TEMPLATE.at("/Resources/ScannerFunction/Properties");

        assertThat(function.get("Runtime").asText()).isEqualTo("java25");
        assertThat(function.get("Handler").asText())
                .isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
        assertThat(function.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(function.at("/Environment/Variables/JAVA_TOOL_OPTIONS").asText().split(" ")).containsExactly(
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
        assertThat(function.get("MemorySize").asInt()).isEqualTo(2048);
        assertThat(function.get("Timeout").asInt()).isEqualTo(900);
        assertThat(function.at("/Code/S3Bucket/Ref").asText()).isEqualTo("CodeS3Bucket");
        assertThat(function.at("/Code/S3Key/Ref").asText()).isEqualTo("CodeS3Key");
    }

    @Test
    void theScheduleTargetsThePublishedAliasNightlyWithRetriesAndADeadLetterQueue() {
        JsonNode schedule = TEMPLATE.at("/Resources/NightlyScan/Properties");

        assertThat(new CfnEvaluator(TEMPLATE, Map.of()).evaluate(schedule.get("ScheduleExpression")))
                .isEqualTo("cron(0 2 * * ? *)");
        assertThat(schedule.at("/ScheduleExpressionTimezone/Ref").asText()).isEqualTo("ScheduleTimezone");
        assertThat(schedule.at("/FlexibleTimeWindow/Mode").asText()).isEqualTo("FLEXIBLE");
        assertThat(schedule.at("/Target/Arn/Ref").asText()).isEqualTo("ScannerAlias");
        assertThat(schedule.at("/Target/RetryPolicy/MaximumRetryAttempts").asInt()).isPositive();
        assertThat(schedule.at("/Target/DeadLetterConfig/Arn/Fn::GetAtt").asText()).isEqualTo("DeadLetterQueue.Arn");
        assertThat(TEMPLATE.at("/Resources/ScannerAsyncConfig/Properties/MaximumRetryAttempts").asInt()).isZero();
    }

    @Test
    void theReportsBucketIsEncryptedPrivateTlsOnlyAndExpiresOldRuns() {
        JsonNode bucket = TEMPLATE.at("/Resources/ReportsBucket/Properties");
        JsonNode encryption = bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/Fn::If");
        JsonNode denyInsecure = TEMPLATE.at("/Resources/ReportsBucketPolicy/Properties/PolicyDocument/Statement/0");

        assertThat(encryption.at("/1/SSEAlgorithm").asText()).isEqualTo("aws:kms");
        assertThat(encryption.at("/2/SSEAlgorithm").asText()).isEqualTo("AES256");
        assertThat(bucket.get("PublicAccessBlockConfiguration").properties())
                .hasSize(4)
                .allSatisfy(setting -> assertThat(setting.getValue().asBoolean()).isTrue());
        assertThat(denyInsecure.get("Effect").asText()).isEqualTo("Deny");
        assertThat(denyInsecure.at("/Condition/Bool/aws:SecureTransport").asBoolean(true)).isFalse();
        assertThat(new CfnEvaluator(TEMPLATE, Map.of())
                .evaluate(bucket.at("/LifecycleConfiguration/Rules/0/Prefix"))).isEqualTo("lambda-guardrails/runs/");
        assertThat(bucket.at("/LifecycleConfiguration/Rules/0/ExpirationInDays/Ref").asText())
                .isEqualTo("RunsRetentionDays");
    }

    private static JsonNode statement(String sid) {
        for (JsonNode policy : TEMPLATE.at("/Resources/ScannerRole/Properties/Policies")) {
            for (JsonNode statement : policy.at("/PolicyDocument/Statement")) {
                if (statement.path("Sid").asText().equals(sid)) {
                    return statement;
                }
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}
