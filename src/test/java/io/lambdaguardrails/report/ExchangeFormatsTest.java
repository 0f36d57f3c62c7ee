package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ASFF and OCSF files: valid against the published schemas, and saying what the report says. */
class ExchangeFormatsTest {

    /** The typical run compared with a baseline: one finding NEW, the others EXISTING, one resolved. */
    static ScanResult withDrift() {
        ScanResult typical = SampleResults.typical();
        List<Finding> marked = new ArrayList<>();
        for (Finding f : typical.findings()) {
            marked.add(f.withBaseline(f.ruleId().equals("LG-ACC-001") ? Baseline.NEW : Baseline.EXISTING,
                    LocalDate.parse("2026-10-01")));
        }
        var resolved = List.of(new ResolvedFinding("LG-IAM-002-gone", "LG-IAM-002", "222222222222", "global",
                        "arn:aws:iam::222222222222:role/old-admin", "old-admin", "was administrator",
                        LocalDate.parse("2026-09-01")),
                new ResolvedFinding("LG-NET-003-gone", "LG-NET-003", "111111111111", "eu-west-1",
                        "arn:aws:lambda:eu-west-1:111111111111:function:moved-fn", "moved-fn", "", null));
        return typical.withDrift(marked, resolved, typical.riskPaths(), List.of(), "20261127T020000Z-prev");
    }

    @Test
    void asffOfATypicalRunIsValidAgainstTheAwsSecurityFindingSchema() {
        JsonNode asff = ExchangeSchemas.render(withDrift(), ReportFormat.ASFF);

        assertThat(ExchangeSchemas.violations(ExchangeSchemas.ASFF, asff)).isEmpty();
        assertThat(asff).hasSize(8);
    }

    @Test
    void ocsfOfATypicalRunIsValidAgainstTheDetectionFindingSchema() {
        JsonNode ocsf = ExchangeSchemas.render(withDrift(), ReportFormat.OCSF);

        assertThat(ExchangeSchemas.violations(ExchangeSchemas.OCSF_DETECTION_FINDING, ocsf)).isEmpty();
        assertThat(ocsf).hasSize(8);
    }

    @Test
    void hostileValuesStayValidAsffAndOcsf() {
        ScanResult hostile = SampleResults.hostile();

        assertThat(ExchangeSchemas.violations(ExchangeSchemas.ASFF,
                ExchangeSchemas.render(hostile, ReportFormat.ASFF))).isEmpty();
        assertThat(ExchangeSchemas.violations(ExchangeSchemas.OCSF_DETECTION_FINDING,
                ExchangeSchemas.render(hostile, ReportFormat.OCSF))).isEmpty();
    }

    @Test
    void theSchemasRejectWhatTheyShould() {
        ObjectNode asff = (ObjectNode) ExchangeSchemas.render(withDrift(), ReportFormat.ASFF).get(0).deepCopy();
        asff.remove("ProductArn");
        asff.with("Severity").put("Label", "URGENT");
        ObjectNode ocsf = (ObjectNode) ExchangeSchemas.render(withDrift(), ReportFormat.OCSF).get(0).deepCopy();
        ocsf.put("class_uid", 2003);
        ocsf.put("cloud_region", "eu-west-1");

        assertThat(ExchangeSchemas.violations(ExchangeSchemas.ASFF, Json.mapper().createArrayNode().add(asff)))
                .hasSize(2);
        assertThat(ExchangeSchemas.violations(ExchangeSchemas.OCSF_DETECTION_FINDING,
                Json.mapper().createArrayNode().add(ocsf))).hasSize(2);
    }

    @Test
    void asffCarriesRuleSeverityAccountResourcesComplianceAndWorkflow() {
        JsonNode asff = ExchangeSchemas.render(withDrift(), ReportFormat.ASFF);

        JsonNode critical = find(asff, "Id", "LG-ACC-001-aaaa");
        assertThat(critical.get("GeneratorId").asText()).isEqualTo("LG-ACC-001");
        assertThat(critical.get("AwsAccountId").asText()).isEqualTo("111111111111");
        assertThat(critical.at("/Severity/Label").asText()).isEqualTo("CRITICAL");
        assertThat(critical.at("/FindingProviderFields/Severity/Label").asText()).isEqualTo("CRITICAL");
        assertThat(critical.get("Types").get(0).asText())
                .isEqualTo("Software and Configuration Checks/AWS Security Best Practices/Access");
        assertThat(critical.get("ProductArn").asText())
                .isEqualTo("arn:aws:securityhub:eu-west-1:111111111111:product/111111111111/default");
        assertThat(critical.get("FirstObservedAt").asText()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(critical.at("/Resources/0/Type").asText()).isEqualTo("AwsLambdaFunction");
        assertThat(critical.at("/Resources/0/Id").asText())
                .isEqualTo("arn:aws:lambda:eu-west-1:111111111111:function:public-fn");
        assertThat(critical.at("/Resources/0/Details/AwsLambdaFunction/FunctionName").asText()).isEqualTo("public-fn");
        assertThat(critical.get("Resources")).extracting(r -> r.get("Id").asText()).contains("AWS::::Account:111111111111");
        assertThat(critical.at("/Compliance/Status").asText()).isEqualTo("FAILED");
        assertThat(critical.at("/Compliance/RelatedRequirements/0").asText()).isEqualTo("Lambda.1");
        assertThat(critical.at("/Workflow/Status").asText()).isEqualTo("NEW");
        assertThat(critical.get("RecordState").asText()).isEqualTo("ACTIVE");

        assertThat(find(asff, "Id", "LG-OPS-003-ffff").at("/Workflow/Status").asText()).isEqualTo("SUPPRESSED");

        JsonNode member = find(asff, "Id", "LG-RUN-003-dddd");
        assertThat(member.get("AwsAccountId").asText()).as("the scanning account, whose default product it is")
                .isEqualTo("111111111111");
        assertThat(member.at("/ProductFields/lambda-guardrails~1AccountId").asText()).isEqualTo("222222222222");
        assertThat(member.at("/ProductFields/lambda-guardrails~1AccountName").asText()).isEqualTo("name-222222222222");
        assertThat(member.get("Resources")).extracting(r -> r.get("Id").asText())
                .containsExactly("arn:aws:lambda:eu-west-1:222222222222:function:old-fn", "AWS::::Account:222222222222");

        JsonNode gone = find(asff, "Id", "LG-IAM-002-gone");
        assertThat(gone.get("AwsAccountId").asText()).isEqualTo("111111111111");
        assertThat(gone.at("/ProductFields/lambda-guardrails~1AccountId").asText()).isEqualTo("222222222222");
        assertThat(gone.at("/ProductFields/lambda-guardrails~1AccountName").asText()).isEqualTo("name-222222222222");
        assertThat(gone.get("RecordState").asText()).isEqualTo("ARCHIVED");
        assertThat(gone.at("/Workflow/Status").asText()).isEqualTo("RESOLVED");
        assertThat(gone.get("Region").asText()).as("a global finding is placed in the product's region")
                .isEqualTo("eu-west-1");
        assertThat(gone.at("/Resources/0/Type").asText()).isEqualTo("AwsIamRole");
        assertThat(gone.get("FirstObservedAt").asText()).isEqualTo("2026-09-01T00:00:00Z");
    }

    @Test
    void ocsfSaysCreateUpdateCloseAndSuppressed() {
        JsonNode ocsf = ExchangeSchemas.render(withDrift(), ReportFormat.OCSF);

        JsonNode created = findInfo(ocsf, "LG-ACC-001-aaaa");
        assertThat(created.get("class_uid").asInt()).isEqualTo(2004);
        assertThat(created.get("activity_id").asInt()).isEqualTo(1);
        assertThat(created.get("type_uid").asInt()).isEqualTo(200401);
        assertThat(created.get("severity_id").asInt()).isEqualTo(5);
        assertThat(created.at("/finding_info/analytic/uid").asText()).isEqualTo("LG-ACC-001");
        assertThat(created.at("/resources/0/data/account_id").asText()).isEqualTo("111111111111");
        assertThat(findInfo(ocsf, "LG-NET-003-bbbb").get("activity_id").asInt()).isEqualTo(2);
        assertThat(findInfo(ocsf, "LG-OPS-003-ffff").get("status_id").asInt()).isEqualTo(3);
        JsonNode closed = findInfo(ocsf, "LG-IAM-002-gone");
        assertThat(closed.get("activity_id").asInt()).isEqualTo(3);
        assertThat(closed.get("status_id").asInt()).isEqualTo(4);
        assertThat(OcsfFindings.severityId(Severity.INFO)).isEqualTo(1);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no element with " + field + " = " + value);
    }

    private static JsonNode findInfo(JsonNode array, String uid) {
        for (JsonNode item : array) {
            if (item.at("/finding_info/uid").asText().equals(uid)) {
                return item;
            }
        }
        throw new AssertionError("no event for " + uid);
    }
}
