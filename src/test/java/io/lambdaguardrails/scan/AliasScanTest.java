package io.lambdaguardrails.scan;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.Fault.AwsError;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The common API Gateway and function-URL set-up — a permission and a URL on the alias {@code live}, nothing on the
 * function itself — scanned end to end: the alias is listed, its policy and URL are read by qualifier, and the
 * findings name the alias ARN. A read of another alias that is denied is coverage, and nothing is judged on it.
 * <p>
 * moto 5.2.1 accepts {@code --qualifier} on AddPermission but keeps one policy per function, answering it to qualified
 * and unqualified GetPolicy alike (the alias's statement names {@code …:api:live} as its Resource, so the evaluator
 * does not apply it to the function); it ignores the qualifier of CreateFunctionUrlConfig and GetFunctionUrlConfig, so
 * the alias's URL is answered by the fault proxy with the shape AWS returns for {@code GetFunctionUrlConfig
 * --qualifier live}.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class AliasScanTest {

    static final String REGION = "us-east-1";

    @Test
    void publicPermissionAndUnauthenticatedUrlOnAnAliasAreFoundOnTheAlias(MotoServer moto) {
        SeededAccount account;
        String aliasArn;
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            account = org.account("aliases", org.rootId(), Map.of());
            String role = account.role("api-role", Map.of(), List.of());
            account.function(REGION, "api", role, "python3.12", f -> f);
            aliasArn = account.alias(REGION, "api", "live");
            account.alias(REGION, "api", "beta");
            // aws lambda add-permission --function-name api --qualifier live --statement-id public-live --principal '*'
            account.permission(REGION, "api", p -> p.qualifier("live").statementId("public-live")
                    .action("lambda:InvokeFunction").principal("*"));
        }
        String functionArn = account.functionArn(REGION, "api");
        assertThat(aliasArn).isEqualTo(functionArn + ":live");

        try (FaultProxy proxy = new FaultProxy(moto.endpoint()); ScanHarness harness = new ScanHarness(proxy.endpoint())) {
            proxy.inject(Fault.on("lambda", "GetFunctionUrlConfig").withQuery("Qualifier=live").answer(200,
                    "application/json", """
                            {"FunctionUrl":"https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws/",\
                            "FunctionArn":"%s","AuthType":"NONE",\
                            "Cors":{"AllowOrigins":["*"],"AllowCredentials":false},\
                            "CreationTime":"2026-11-28T02:00:00.000Z","LastModifiedTime":"2026-11-28T02:00:00.000Z",\
                            "InvokeMode":"BUFFERED"}""".formatted(aliasArn)));
            proxy.inject(Fault.on("lambda", "GetPolicy").withQuery("Qualifier=beta").error(AwsError.accessDenied("lambda")));
            Snapshot snapshot = harness.scan(ScanRequest.builder().accounts(account.id()).regions(REGION).build());

            // One list call per function, then a policy and a URL read per alias.
            assertThat(proxy.counts()).containsEntry("lambda:ListAliases", 1)
                    .containsEntry("lambda:GetPolicy", 3).containsEntry("lambda:GetFunctionUrlConfig", 3);

            LambdaFunction api = snapshot.accounts().getFirst().regions().getFirst().functions().getFirst();
            assertThat(api.qualifiers()).extracting(LambdaFunction.Qualifier::name, LambdaFunction.Qualifier::notCollected)
                    .containsExactlyInAnyOrder(tuple("live", java.util.Set.of()),
                            tuple("beta", java.util.Set.of(LambdaFunction.Qualifier.Part.RESOURCE_POLICY)));
            assertThat(snapshot.coverage()).extracting(Coverage::api, Coverage::status)
                    .contains(tuple("lambda:GetPolicy", CoverageStatus.ACCESS_DENIED));

            List<Finding> findings = new RuleEngine(RuleCatalogue.all(), Settings.defaults())
                    .evaluate(snapshot, LocalDate.of(2026, 11, 28)).stream()
                    .filter(f -> f.ruleId().startsWith("LG-ACC")).toList();
            assertThat(findings).extracting(Finding::ruleId, Finding::resourceArn).containsExactlyInAnyOrder(
                    tuple("LG-ACC-001", aliasArn), tuple("LG-ACC-002", aliasArn), tuple("LG-ACC-003", aliasArn));
        }
    }
}
