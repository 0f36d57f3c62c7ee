package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambdaguardrails.permissions.PermissionSet;
import io.lambdaguardrails.permissions.RequiredPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The inline policies the templates deploy grant exactly the actions of the iam/*.json resources, statement by statement. */
class TemplatePoliciesTest {

    static Stream<Arguments> templatePolicies() {
        return Stream.of(
                arguments("member-role.yaml", "MemberRole", "lambda-guardrails-read-only", PermissionSet.MEMBER),
                arguments("scanner.yaml", "ScannerRole", "lambda-guardrails-scanner", PermissionSet.SCANNER),
                arguments("irsa-role.yaml", "ScannerRole", "lambda-guardrails-scanner", PermissionSet.SCANNER));
    }

    @Test
    void thereAreTheThreeTemplates() {
        assertThat(CloudFormationYaml.templates()).extracting(path -> path.getFileName().toString())
                .containsExactly("irsa-role.yaml", "member-role.yaml", "scanner.yaml");
    }

    @ParameterizedTest(name = "{0} {1}/{2} = {3}")
    @MethodSource("templatePolicies")
    void templatePolicyGrantsTheResourceActions(String template, String role, String policyName, PermissionSet set) {
        JsonNode document = inlinePolicy(CloudFormationYaml.read(template), role, policyName);

        assertThat(actionsBySid(document)).isEqualTo(actionsBySid(RequiredPolicy.template(set)));
    }

    @Test
    void theMemberRoleHasNoOtherPolicy() {
        JsonNode role = CloudFormationYaml.read("member-role.yaml").at("/Resources/MemberRole/Properties");

        assertThat(role.get("Policies")).hasSize(1);
        assertThat(role.has("ManagedPolicyArns")).isFalse();
    }

    @Test
    void theMemberRoleTrustsOnlyTheScannerAndChecksTheExternalIdWhenSet() {
        JsonNode statement = CloudFormationYaml.read("member-role.yaml")
                .at("/Resources/MemberRole/Properties/AssumeRolePolicyDocument/Statement");

        assertThat(statement).hasSize(1);
        assertThat(statement.at("/0/Principal/AWS/Ref").asText()).isEqualTo("ScannerRoleArn");
        assertThat(statement.at("/0/Condition/Fn::If/0").asText()).isEqualTo("HasExternalId");
        assertThat(statement.at("/0/Condition/Fn::If/1/StringEquals/sts:ExternalId/Ref").asText())
                .isEqualTo("ExternalId");
        assertThat(statement.at("/0/Condition/Fn::If/2/Ref").asText()).isEqualTo("AWS::NoValue");
    }

    @Test
    void theResourcePoliciesNameEveryActionWithoutWildcards() {
        Stream.of(PermissionSet.values()).map(RequiredPolicy::template).forEach(document ->
                assertThat(actionsBySid(document).values()).allSatisfy(actions ->
                        assertThat(actions).allSatisfy(action -> assertThat(action).doesNotContain("*", "?"))));
    }

    private static JsonNode inlinePolicy(JsonNode template, String role, String policyName) {
        for (JsonNode policy : template.at("/Resources/" + role + "/Properties/Policies")) {
            if (policy.path("PolicyName").asText().equals(policyName)) {
                return policy.get("PolicyDocument");
            }
        }
        throw new AssertionError("no inline policy " + policyName + " on " + role);
    }

    /** Sid → actions. A statement under {@code Fn::If} counts with its "true" branch: the optional grant. */
    private static Map<String, Set<String>> actionsBySid(JsonNode document) {
        Map<String, Set<String>> actions = new TreeMap<>();
        for (JsonNode statement : document.get("Statement")) {
            JsonNode effective = statement.has("Fn::If") ? statement.get("Fn::If").get(1) : statement;
            assertThat(effective.path("Effect").asText()).as("effect of %s", effective).isEqualTo("Allow");
            Set<String> names = new TreeSet<>();
            JsonNode action = effective.get("Action");
            if (action.isArray()) {
                action.forEach(name -> names.add(name.asText()));
            } else {
                names.add(action.asText());
            }
            assertThat(actions.put(effective.path("Sid").asText(), names)).as("duplicate Sid").isNull();
        }
        return actions;
    }
}
