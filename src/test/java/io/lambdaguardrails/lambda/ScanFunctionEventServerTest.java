package io.lambdaguardrails.lambda;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The function as Lambda runs it, through Quarkus' Lambda runtime and its mock event server: events go in as JSON,
 * the summary (or the error) comes back as JSON, and the reports land in S3 on moto.
 */
@Tag("moto")
@QuarkusTest
@TestProfile(ScanFunctionEventServerTest.OnMoto.class)
class ScanFunctionEventServerTest {

    static final String BUCKET = "lambda-reports";

    /** The function's settings for this test: moto as AWS, reports in its bucket, an ephemeral event-server port. */
    public static class OnMoto implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guardrails.aws.endpoint-url", MotoServer.shared().endpoint().toString(),
                    "guardrails.output", "s3://" + BUCKET + "/guardrails",
                    "quarkus.lambda.mock-event-server.test-port", "0");
        }
    }

    static ScanHarness harness;
    static S3Client s3;
    static SeededAccount member;

    @BeforeAll
    static void seed() {
        MotoServer moto = MotoServer.shared();
        moto.reset();
        // The function's credentials and region, as Lambda's environment would give them.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        System.setProperty("aws.region", "us-east-1");
        harness = new ScanHarness(moto.endpoint());
        try (SeededOrganization org = harness.createOrganization()) {
            member = org.account("lambda-member", org.rootId(), Map.of());
            String role = member.role("fn-role", Map.of(), List.of());
            member.function("us-east-1", "public-api", role, "python3.8", f -> f);
            member.permission("us-east-1", "public-api", p -> p.statementId("anyone").action("lambda:InvokeFunction").principal("*"));
        }
        s3 = harness.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        s3.close();
        harness.close();
    }

    @Test
    void aScheduledEventScansTheOrganisationAndReturnsTheSummary() {
        JsonPath summary = given().contentType("application/json").body("""
                        {"request": {"org": true, "regions": ["us-east-1"], "roleName": "OrganizationAccountAccessRole"},
                         "config": {"version": 1, "rules": {"LG-RUN-001": {"severity": "CRITICAL"}}},
                         "failOn": "critical",
                         "scheduledTime": "2026-11-28T02:00:00Z"}""")
                .when().post()
                .then().statusCode(200).extract().jsonPath();

        String runId = "20261128T020000Z-scheduled";
        assertThat(summary.getString("runId")).isEqualTo(runId);
        assertThat(summary.getInt("accounts")).isEqualTo(2);
        assertThat(summary.getLong("fullyEvaluated")).isEqualTo(2);
        assertThat(summary.getInt("coverageGapCount")).isZero();
        assertThat(summary.getMap("openFindings")).containsOnlyKeys("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(summary.getInt("openFindings.HIGH")).isPositive();
        assertThat(summary.getBoolean("delivered")).isTrue();
        assertThat(summary.getString("location")).startsWith("s3://" + BUCKET + "/guardrails/runs/").endsWith(runId);
        assertThat(summary.getList("reports", String.class)).contains(
                "s3://" + BUCKET + "/guardrails/latest/report.html", "s3://" + BUCKET + "/guardrails/latest/findings.json");
        assertThat(summary.getMap("links", String.class, String.class)).containsKeys("report.html", "findings.csv", "findings.json");

        ScanResult published = FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("guardrails/latest/findings.json")).asByteArray());
        assertThat(published.runId()).isEqualTo(runId);
        assertThat(published.findings()).filteredOn(f -> f.accountId().equals(member.id()) && f.resourceName().equals("public-api"))
                .isNotEmpty();
        List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("guardrails/runs/")).contents().stream()
                .map(S3Object::key).toList();
        assertThat(keys).anyMatch(key -> key.endsWith(runId + "/report.html"));
    }

    static Stream<Arguments> badEvents() {
        return Stream.of(
                arguments("mistyped duration", "{\"request\": {\"accountTimeout\": \"10 minutes\"}}",
                        "request.accountTimeout: expected an ISO-8601 duration such as PT10M, got '10 minutes'"),
                arguments("unknown field", "{\"request\": {}, \"failon\": \"high\"}", "failon: unknown field"),
                arguments("bad account id", "{\"request\": {\"accounts\": [\"12345\"]}}",
                        "'12345' is not an AWS account id (12 digits)"),
                arguments("output not on S3", "{\"request\": {}, \"output\": \"/tmp/reports\"}",
                        "output: reports go to S3 from a Lambda function"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void aBadEventFailsWithAMessageNamingTheField(String name, String event, String message) {
        JsonPath error = given().contentType("application/json").body(event)
                .when().post()
                .then().statusCode(500).extract().jsonPath();

        assertThat(error.getString("errorType")).isEqualTo(InvalidEventException.class.getName());
        assertThat(error.getString("errorMessage")).contains(message);
        assertThat(error.getMap("$")).doesNotContainKey("stackTrace");
    }
}
