package io.lambdaguardrails.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.risk.RiskPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingsJsonTest {

    /** A result in which every documented object occurs: suppression, resolved findings and risk paths, baseline. */
    private static ScanResult complete() {
        ScanResult typical = SampleResults.typical();
        Finding gone = SampleResults.finding("LG-IAM-001-zzzz", "LG-IAM-001", io.lambdaguardrails.findings.Family.IAM,
                io.lambdaguardrails.findings.Severity.MEDIUM, "111111111111", "gone-fn", "shared role");
        Finding goneAdmin = SampleResults.finding("LG-IAM-002-yyyy", "LG-IAM-002", io.lambdaguardrails.findings.Family.IAM,
                io.lambdaguardrails.findings.Severity.CRITICAL, "111111111111", "gone-admin-fn", "AdministratorAccess");
        ScanResult baseline = SampleResults.result(List.of(gone, goneAdmin), typical.accounts(), typical.coverage());
        return Drift.compare(typical, baseline);
    }

    private static JsonNode tree(ScanResult result) throws Exception {
        return Json.mapper().readTree(FindingsJson.write(result));
    }

    @Test
    void readsBackWhatItWrote() {
        ScanResult result = complete();

        assertThat(FindingsJson.read(FindingsJson.write(result))).isEqualTo(result);
        assertThat(FindingsJson.read(FindingsJson.write(SampleResults.hostile()))).isEqualTo(SampleResults.hostile());
    }

    static Stream<Arguments> documentedObjects() {
        return Stream.of(
                Arguments.of("(top level)", "/"),
                Arguments.of("tool", "/tool"),
                Arguments.of("request", "/request"),
                Arguments.of("accounts[]", "/accounts/0"),
                Arguments.of("coverage[]", "/coverage/0"),
                Arguments.of("notEvaluated[]", "/notEvaluated/0"),
                Arguments.of("findings[]", "/findings/0"),
                Arguments.of("findings[].suppression", "/findings/5/suppression"),
                Arguments.of("resolved[]", "/resolved/0"),
                Arguments.of("rules[]", "/rules/0"),
                Arguments.of("expiredWaivers[]", "/expiredWaivers/0"),
                Arguments.of("riskPaths[]", "/riskPaths/0"),
                Arguments.of("riskPaths[].ingredients[]", "/riskPaths/0/ingredients/0"),
                Arguments.of("resolvedRiskPaths[]", "/resolvedRiskPaths/0"),
                Arguments.of("effectiveAccess[]", "/effectiveAccess/0"),
                Arguments.of("effectiveAccess[].invokers[]", "/effectiveAccess/0/invokers/0"),
                Arguments.of("effectiveAccess[].invokers[].statements[]", "/effectiveAccess/0/invokers/0/statements/0"),
                Arguments.of("effectiveAccess[].role", "/effectiveAccess/0/role"),
                Arguments.of("effectiveAccess[].role.capabilities[]", "/effectiveAccess/0/role/capabilities/0"),
                Arguments.of("rollups", "/rollups"),
                Arguments.of("rollups.owners[]", "/rollups/owners/0"),
                Arguments.of("rollups.ous[]", "/rollups/ous/0"),
                Arguments.of("rollups.rules[]", "/rollups/rules/0"),
                Arguments.of("rollups.rules[].topAccounts[]", "/rollups/rules/0/topAccounts/0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedObjects")
    void everyFieldIsDocumentedInOrder(String section, String pointer) throws Exception {
        JsonNode node = pointer.equals("/") ? tree(complete()) : tree(complete()).at(pointer);
        assertThat(node.isObject()).as("%s present in the sample", pointer).isTrue();

        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);

        assertThat(fields).containsExactlyElementsOf(SchemaDoc.sections().get(section));
    }

    @Test
    void valuesHaveTheDocumentedForms() throws Exception {
        JsonNode json = tree(complete());

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("startedAt").asText()).isEqualTo("2026-11-28T02:00:00Z");
        assertThat(json.at("/request/accountTimeout").asText()).isEqualTo("PT10M");
        assertThat(json.at("/findings/0/firstSeen").asText()).isEqualTo("2026-11-28");
        assertThat(json.at("/findings/0/severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.at("/findings/0/baseline").asText()).isEqualTo("NEW");
        assertThat(json.at("/findings/0/suppression").isNull()).isTrue();
        assertThat(json.at("/findings/5/suppression/expires").asText()).isEqualTo("2027-01-31");
        assertThat(json.at("/baselineRunId").asText()).isEqualTo("20261128T020000Z-a1b2c3");
        assertThat(json.at("/riskPaths/0/functionName").asText()).isEqualTo("public-fn");
        assertThat(json.at("/riskPaths/0/tier").asText()).isEqualTo("MEDIUM");
        assertThat(json.at("/riskPaths/0/ingredients/0/kind").asText()).isEqualTo("PUBLIC_POLICY");
        assertThat(json.at("/riskPaths/0/ingredients/0/findingIds/0").asText()).isEqualTo("LG-ACC-001-aaaa");
        assertThat(json.at("/effectiveAccess/0/invokers/0/kind").asText()).isEqualTo("ANY_ACCOUNT");
        assertThat(json.at("/effectiveAccess/0/invokers/0/decision").asText()).isEqualTo("ALLOWED");
        assertThat(json.at("/effectiveAccess/0/invokers/0/qualifier").asText()).isEmpty();
        assertThat(json.at("/effectiveAccess/0/invokers/0/statements/0/kind").asText()).isEqualTo("RESOURCE");
        assertThat(json.at("/effectiveAccess/0/invokers/0/statements/0/sid").asText()).isEqualTo("pub");
        assertThat(json.at("/effectiveAccess/0/role/scps").asText()).isEqualTo("APPLIED");
        assertThat(json.at("/effectiveAccess/0/role/capabilities/0/kind").asText()).isEqualTo("PRIVILEGE_ESCALATION");
        assertThat(json.at("/effectiveAccess/0/role/capabilities/0/statements/0/kind").asText()).isEqualTo("IDENTITY");
        List<String> severities = new ArrayList<>();
        json.at("/accounts/1/openFindings").fieldNames().forEachRemaining(severities::add);
        assertThat(severities).as("map keys in severity order").containsExactly("LOW", "MEDIUM", "HIGH");
    }

    @Test
    void ageIsCountedFromFirstSeenToTheDayTheRunFinished() throws Exception {
        ScanResult result = SampleResults.typical();
        Finding older = result.findings().getFirst().withBaseline(Baseline.EXISTING, LocalDate.parse("2026-10-01"));
        ScanResult aged = result.withDrift(List.of(older, result.findings().get(1).withBaseline(null, null)),
                List.of(), List.of(), List.of(), null);

        JsonNode json = tree(aged);

        assertThat(json.at("/findings/0/ageDays").asInt()).as("2026-10-01 to 2026-11-28").isEqualTo(58);
        assertThat(json.at("/findings/1/ageDays").isNull()).as("no firstSeen, no age").isTrue();
        assertThat(tree(SampleResults.typical()).at("/findings/0/ageDays").asInt()).as("first seen today").isZero();
        assertThat(FindingsJson.read(FindingsJson.write(aged)).findings().getFirst().ageDays()).isEqualTo(58);
    }

    @Test
    void theSameResultGivesTheSameBytes() {
        assertThat(FindingsJson.write(complete())).isEqualTo(FindingsJson.write(complete()));
    }

    @Test
    void ignoresFieldsAddedLaterInTheSameSchemaVersion() {
        String json = new String(FindingsJson.write(SampleResults.typical()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\": {\"x\": 1},");

        assertThat(FindingsJson.read(json.getBytes(StandardCharsets.UTF_8)).findings())
                .hasSize(SampleResults.typical().findings().size());
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("newer schema", "{\"schemaVersion\": 2}", "schemaVersion 2 is not supported"),
                Arguments.of("no schema version", "{\"runId\": \"x\"}", "no schemaVersion"),
                Arguments.of("not an object", "[1, 2]", "not a JSON object"),
                Arguments.of("not JSON", "<html>", "not a readable findings.json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void refusesWhatItCannotRead(String name, String json, String message) {
        assertThatThrownBy(() -> FindingsJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FindingsJson.InvalidFindingsException.class)
                .hasMessageContaining(message);
    }

    @Test
    void baselineMarksSurviveTheRoundTrip() {
        ScanResult read = FindingsJson.read(FindingsJson.write(complete()));

        assertThat(read.findings()).extracting(Finding::baseline).containsOnly(Baseline.NEW);
        assertThat(read.resolved()).extracting(ResolvedFinding::findingId)
                .containsExactlyInAnyOrder("LG-IAM-001-zzzz", "LG-IAM-002-yyyy");
        assertThat(read.riskPaths()).extracting(RiskPath::baseline).containsOnly(Baseline.NEW);
        assertThat(read.resolvedRiskPaths()).extracting(ResolvedRiskPath::functionName).containsExactly("gone-admin-fn");
    }
}
