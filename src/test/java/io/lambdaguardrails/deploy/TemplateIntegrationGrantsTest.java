package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.report.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner policy the templates deploy, evaluated for chosen parameters as CloudFormation would and then decided
 * as IAM would: Security Hub and SNS are granted only when their parameters are set, on the account's default
 * Security Hub product in the stack's region and on the one topic named.
 */
class TemplateIntegrationGrantsTest {

    /** CfnEvaluator's AWS::AccountId and AWS::Region. */
    private static final String ACCOUNT = "111122223333";
    private static final String PRODUCT = "arn:aws:securityhub:eu-west-1:" + ACCOUNT + ":product/" + ACCOUNT + "/default";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:" + ACCOUNT + ":guardrails-alerts";
    private static final String BUCKET = "lambda-guardrails-reports-1a2b3c";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"scanner.yaml", "irsa-role.yaml"})
    void byDefaultNeitherSecurityHubNorSnsIsGranted(String template) {
        ScannerGrants grants = deployed(template, Map.of());

        assertThat(grants.decide("securityhub:BatchImportFindings", PRODUCT)).isEqualTo(Decision.DENIED);
        assertThat(grants.decide("sns:Publish", TOPIC)).isEqualTo(Decision.DENIED);
        assertThat(grants.decide("s3:PutObject", "arn:aws:s3:::" + BUCKET + "/lambda-guardrails/latest/report.html"))
                .as("the evaluated policy is the real one").isEqualTo(Decision.ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"scanner.yaml", "irsa-role.yaml"})
    void withTheParametersSetEachIsGrantedOnItsOwnResourceOnly(String template) {
        ScannerGrants grants = deployed(template, Map.of("SecurityHubImport", "true", "NotifyTopicArn", TOPIC));

        assertThat(grants.decide("securityhub:BatchImportFindings", PRODUCT)).isEqualTo(Decision.ALLOWED);
        assertThat(grants.decide("securityhub:BatchImportFindings", PRODUCT.replace("eu-west-1", "us-east-1")))
                .isEqualTo(Decision.DENIED);
        assertThat(grants.decide("securityhub:BatchImportFindings",
                "arn:aws:securityhub:eu-west-1::product/aws/guardduty")).isEqualTo(Decision.DENIED);
        assertThat(grants.decide("securityhub:GetFindings", "arn:aws:securityhub:eu-west-1:" + ACCOUNT + ":hub/default"))
                .isEqualTo(Decision.DENIED);
        assertThat(grants.decide("sns:Publish", TOPIC)).isEqualTo(Decision.ALLOWED);
        assertThat(grants.decide("sns:Publish", TOPIC + "-other")).isEqualTo(Decision.DENIED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"scanner.yaml", "irsa-role.yaml"})
    void eachParameterGrantsOnlyItsOwnAction(String template) {
        ScannerGrants hubOnly = deployed(template, Map.of("SecurityHubImport", "true"));
        ScannerGrants topicOnly = deployed(template, Map.of("NotifyTopicArn", TOPIC));

        assertThat(hubOnly.decide("securityhub:BatchImportFindings", PRODUCT)).isEqualTo(Decision.ALLOWED);
        assertThat(hubOnly.decide("sns:Publish", TOPIC)).isEqualTo(Decision.DENIED);
        assertThat(topicOnly.decide("sns:Publish", TOPIC)).isEqualTo(Decision.ALLOWED);
        assertThat(topicOnly.decide("securityhub:BatchImportFindings", PRODUCT)).isEqualTo(Decision.DENIED);
    }

    /** The template's scanner inline policy as CloudFormation would create it with these parameters. */
    private static ScannerGrants deployed(String templateName, Map<String, String> parameters) {
        JsonNode template = CloudFormationYaml.read(templateName);
        Map<String, String> values = new HashMap<>(parameters);
        values.put("ReportsBucketName", BUCKET);
        Object document = new CfnEvaluator(template, values)
                .withResource("ReportsBucket", BUCKET)
                .withResource("ReportsBucket.Arn", "arn:aws:s3:::" + BUCKET)
                .evaluate(scannerPolicy(template));
        return ScannerGrants.of(Json.mapper().valueToTree(document).toString(), ACCOUNT);
    }

    private static JsonNode scannerPolicy(JsonNode template) {
        for (JsonNode policy : template.at("/Resources/ScannerRole/Properties/Policies")) {
            if (policy.path("PolicyName").asText().equals("lambda-guardrails-scanner")) {
                return policy.get("PolicyDocument");
            }
        }
        throw new AssertionError("no lambda-guardrails-scanner policy on ScannerRole");
    }
}
