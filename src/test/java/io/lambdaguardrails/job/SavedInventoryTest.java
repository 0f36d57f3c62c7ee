package io.lambdaguardrails.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.CodeSigningConfig;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.PolicyValidation;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.inventory.snapshot.SigningProfileVersion;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.rules.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SavedInventoryTest {

    @TempDir
    Path dir;

    private final Snapshot partlyRead = Fixtures.org(org -> org.account("111111111111", a -> a.trailsUnknown()
            .region(Fixtures.REGION, r -> r.configUnknown().analyzersUnknown().signingUnknown()
                    .network(n -> n.notCollected(Network.Part.FLOW_LOGS))
                    .function("fn", f -> f.notCollected(LambdaFunction.Part.RESOURCE_POLICY)
                            .notCollected(LambdaFunction.Part.CONCURRENCY)
                            .qualifier("live", q -> q.url("NONE").notCollected(LambdaFunction.Qualifier.Part.RESOURCE_POLICY))))));

    @Test
    void writesAndReadsTheCurrentSchema() throws IOException {
        Path file = dir.resolve("inventory.json");
        SavedInventory.write(file, partlyRead);

        assertThat(SavedInventory.read(file)).isEqualTo(partlyRead);
    }

    @Test
    void awsValuesAreSnapshotEnumsSavedInAwsSpellingAsBefore() throws IOException {
        var config = new CodeSigningConfig("arn:csc", List.of(), CodeSigningConfig.Policy.of("Warn"));
        var profile = new SigningProfileVersion("arn:v", "release", SigningProfileVersion.Status.of("Revoked"));
        var analyzer = new AuditPosture.Analyzer("arn:a", "a", AuditPosture.Analyzer.Type.of("ORGANIZATION"),
                AuditPosture.Analyzer.Status.of("ACTIVE"));
        var recorder = new AuditPosture.ConfigRecorder("default", true, true,
                AuditPosture.ConfigRecorder.LastStatus.of("Failure"));
        var url = new LambdaFunction.FunctionUrl("https://u", LambdaFunction.FunctionUrl.AuthType.of("AWS_IAM"), null);

        assertThat(Json.mapper().valueToTree(config).get("untrustedArtifactOnDeployment").asText()).isEqualTo("Warn");
        assertThat(Json.mapper().valueToTree(profile).get("status").asText()).isEqualTo("Revoked");
        assertThat(Json.mapper().valueToTree(analyzer).get("type").asText()).isEqualTo("ORGANIZATION");
        assertThat(Json.mapper().valueToTree(analyzer).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(Json.mapper().valueToTree(recorder).get("lastStatus").asText()).isEqualTo("Failure");
        assertThat(Json.mapper().valueToTree(url).get("authType").asText()).isEqualTo("AWS_IAM");
        for (Object value : List.of(config, profile, analyzer, recorder, url)) {
            assertThat(Json.mapper().treeToValue(Json.mapper().valueToTree(value), value.getClass())).isEqualTo(value);
        }
    }

    /** Each record as an inventory saved before its AWS values were enums holds it, in AWS's spelling. */
    static Stream<Arguments> savedBeforeTheirValuesWereEnums() {
        return Stream.of(
                arguments("""
                        {"destination":"0.0.0.0/0","target":"igw-1","state":"blackhole"}""",
                        new Network.Route("0.0.0.0/0", "igw-1", Network.Route.State.BLACKHOLE)),
                arguments("""
                        {"ruleNumber":100,"egress":false,"protocol":"-1","action":"allow","cidr":"0.0.0.0/0",\
                        "fromPort":null,"toPort":null}""",
                        new Network.AclEntry(100, false, "-1", Network.AclEntry.Action.ALLOW, "0.0.0.0/0", null, null)),
                arguments("""
                        {"id":"fl-1","resourceId":"vpc-1","status":"ACTIVE","deliverLogsStatus":"FAILED","trafficType":"REJECT",\
                        "destinationType":"s3","destination":"arn:aws:s3:::logs"}""",
                        new Network.FlowLog("fl-1", "vpc-1", Network.FlowLog.Status.ACTIVE, Network.FlowLog.DeliveryStatus.FAILED,
                                Network.FlowLog.TrafficType.REJECT, "s3", "arn:aws:s3:::logs")),
                arguments("""
                        {"id":"vpce-1","vpcId":"vpc-1","serviceName":"com.amazonaws.us-east-1.s3","type":"GatewayLoadBalancer",\
                        "state":"pendingAcceptance","routeTableIds":[],"subnetIds":[]}""",
                        new Network.VpcEndpoint("vpce-1", "vpc-1", "com.amazonaws.us-east-1.s3",
                                Network.VpcEndpoint.Type.GATEWAY_LOAD_BALANCER, Network.VpcEndpoint.State.PENDING_ACCEPTANCE,
                                List.of(), List.of())),
                arguments("""
                        {"id":"111111111111","name":"a","status":"PENDING_CLOSURE","path":["r-1","111111111111"],\
                        "ouPath":"Root","tags":{}}""",
                        new OrgAccount("111111111111", "a", OrgAccount.Status.PENDING_CLOSURE, List.of("r-1", "111111111111"),
                                "Root", Map.of())),
                arguments("""
                        {"name":"vpc-check","sourceIdentifier":"LAMBDA_INSIDE_VPC","state":"DELETING_RESULTS"}""",
                        new AuditPosture.ConfigRule("vpc-check", "LAMBDA_INSIDE_VPC", AuditPosture.ConfigRule.State.DELETING_RESULTS)),
                arguments("""
                        {"findingType":"SECURITY_WARNING","issueCode":"PASS_ROLE_WITH_STAR_IN_RESOURCE"}""",
                        new PolicyValidation.Issue(PolicyValidation.Issue.FindingType.SECURITY_WARNING,
                                "PASS_ROLE_WITH_STAR_IN_RESOURCE")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("savedBeforeTheirValuesWereEnums")
    void anInventorySavedBeforeItsValuesWereEnumsReadsAsEnumsAndIsWrittenAsBefore(String saved, Object record)
            throws IOException {
        Object read = Json.mapper().readValue(saved, record.getClass());
        assertThat(read).isEqualTo(record);
        JsonNode written = Json.mapper().valueToTree(record);
        assertThat(written).isEqualTo(Json.mapper().readTree(saved));
    }

    @Test
    void aValueAwsAddsLaterIsReadAsUnknownAndAnyCaseAsItsConstant() throws IOException {
        var analyzer = Json.mapper().readValue("{\"arn\": \"arn:a\", \"name\": \"a\", "
                + "\"type\": \"ORGANIZATION_FUTURE_ACCESS\", \"status\": \"Active\"}", AuditPosture.Analyzer.class);
        var recorder = Json.mapper().readValue("{\"name\": \"default\", \"recordsLambda\": true, \"recording\": true, "
                + "\"lastStatus\": \"PENDING\"}", AuditPosture.ConfigRecorder.class);

        assertThat(analyzer.type()).isEqualTo(AuditPosture.Analyzer.Type.UNKNOWN);
        assertThat(analyzer.status()).isEqualTo(AuditPosture.Analyzer.Status.ACTIVE);
        assertThat(recorder.lastStatus()).isEqualTo(AuditPosture.ConfigRecorder.LastStatus.PENDING);
        assertThat(CodeSigningConfig.Policy.of(null)).isNull();
        assertThat(Network.VpcEndpoint.State.of("Available")).isEqualTo(Network.VpcEndpoint.State.AVAILABLE);
        assertThat(Network.Route.State.of("propagating")).isEqualTo(Network.Route.State.UNKNOWN);
    }

    @Test
    void readsSchemaOneWithItsNullListsAndPartNamesAsNotCollectedAndAwsValuesAsEnums() throws IOException {
        Path file = dir.resolve("v1.json");
        Json.mapper().writeValue(file.toFile(), asSchemaOne(Json.mapper().valueToTree(partlyRead)));

        Snapshot read = SavedInventory.read(file);

        assertThat(read.schemaVersion()).isEqualTo(Snapshot.SCHEMA_VERSION);
        AccountInventory account = read.accounts().getFirst();
        assertThat(account.notCollected()).containsExactly(AccountInventory.Part.TRAILS);
        assertThat(account.trails()).isEmpty();
        RegionInventory region = account.regions().getFirst();
        assertThat(region.notCollected()).containsExactly(RegionInventory.Part.CODE_SIGNING_CONFIGS,
                RegionInventory.Part.SIGNING_PROFILES);
        assertThat(region.audit().notCollected()).containsExactly(AuditPosture.Part.RECORDERS,
                AuditPosture.Part.CONFIG_RULES, AuditPosture.Part.ANALYZERS);
        assertThat(region.network().notCollected()).containsExactly(Network.Part.FLOW_LOGS);
        assertThat(region.functions().getFirst().notCollected())
                .containsExactly(LambdaFunction.Part.RESOURCE_POLICY, LambdaFunction.Part.CONCURRENCY);
        assertThat(read).isEqualTo(partlyRead);
    }

    @Test
    void readsTheCurrentSchemaWrittenBeforeAliasesWereReadAsQualifiersNotCollected() throws IOException {
        Path file = dir.resolve("before-aliases.json");
        ObjectNode tree = Json.mapper().valueToTree(partlyRead);
        ObjectNode function = (ObjectNode) tree.path("accounts").get(0).path("regions").get(0).path("functions").get(0);
        function.remove("qualifiers");
        Json.mapper().writeValue(file.toFile(), tree);

        LambdaFunction read = SavedInventory.read(file).accounts().getFirst().regions().getFirst().functions().getFirst();

        assertThat(read.qualifiers()).isEmpty();
        assertThat(read.collected(LambdaFunction.Part.QUALIFIERS)).isFalse();
        assertThat(read.notCollected()).contains(LambdaFunction.Part.RESOURCE_POLICY, LambdaFunction.Part.CONCURRENCY);
    }

    @Test
    void refusesASchemaItDoesNotKnow() throws IOException {
        Path file = dir.resolve("v9.json");
        ObjectNode tree = Json.mapper().valueToTree(partlyRead);
        tree.put("schemaVersion", 9);
        Json.mapper().writeValue(file.toFile(), tree);

        assertThatThrownBy(() -> SavedInventory.read(file)).isInstanceOf(SavedInventory.UnsupportedSchema.class)
                .hasMessageContaining("schema version 9");
    }

    /**
     * What schema 1 wrote: null for a list not read, part names in camel case, no part sets on other records, AWS's
     * spelling of its enum values.
     */
    private static JsonNode asSchemaOne(ObjectNode snapshot) {
        snapshot.put("schemaVersion", 1);
        for (JsonNode account : snapshot.path("accounts")) {
            ObjectNode a = (ObjectNode) account;
            a.remove("notCollected");
            a.putNull("trails");
            for (JsonNode region : a.path("regions")) {
                ObjectNode r = (ObjectNode) region;
                r.remove("notCollected");
                r.putNull("codeSigningConfigs");
                r.putNull("signingProfiles");
                ObjectNode audit = (ObjectNode) r.path("audit");
                audit.remove("notCollected");
                audit.putNull("recorders");
                audit.putNull("configRules");
                audit.putNull("analyzers");
                ((ObjectNode) r.path("network")).putArray("notCollected").add("flowLogs");
                ObjectNode function = (ObjectNode) r.path("functions").get(0);
                function.putArray("notCollected").add("resourcePolicy").add("concurrency");
                function.put("packageType", "Zip");
                function.put("tracingMode", "Active");
            }
            ObjectNode iam = (ObjectNode) a.path("iam");
            iam.remove("notCollected");
            iam.putNull("policyValidations");
            iam.path("roles").forEach(role -> {
                ((ObjectNode) role).remove("notCollected");
                ((ObjectNode) role).putNull("serviceLastAccessed");
            });
        }
        return snapshot;
    }
}
