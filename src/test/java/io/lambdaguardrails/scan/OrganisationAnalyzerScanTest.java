package io.lambdaguardrails.scan;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.Violation;
import io.lambdaguardrails.rules.audit.NoAccessAnalyzer;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoOrganisation;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisation analyzers are read in the accounts that may own them — the management account and Access Analyzer's
 * delegated administrator — in every scanned region, also where those accounts have no function, and cover the
 * members there. Organizations (accounts, ListDelegatedAdministrators) is moto's; moto has no Access Analyzer backend,
 * so ListAnalyzers is answered at HTTP level by the fault proxy with the response shape of the real API.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class OrganisationAnalyzerScanTest {

    private static final String REGION = "us-east-1";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @RegisterExtension
    static final MotoOrganisation MOTO = new MotoOrganisation();
    static SeededOrganization org;
    static SeededAccount member;
    static SeededAccount delegatedAdmin;

    @BeforeAll
    static void seed() {
        org = MOTO.org();
        member = org.account("app", org.rootId(), Map.of());
        delegatedAdmin = org.account("security", org.rootId(), Map.of());
        String role = member.role("fn-role", Map.of(), List.of());
        member.function(REGION, "orders", role, "python3.12", f -> f);
    }

    /** ListAnalyzers as Access Analyzer answers it (GET /analyzer), with one analyzer of this type and status. */
    private static String listAnalyzers(String account, String type) {
        return """
                {"analyzers":[{"arn":"arn:aws:access-analyzer:us-east-1:%s:analyzer/guard","createdAt":"2026-01-10T09:00:00Z",\
                "lastResourceAnalyzed":"arn:aws:lambda:us-east-1:%s:function:orders","lastResourceAnalyzedAt":"2026-11-27T23:10:00Z",\
                "name":"guard","status":"ACTIVE","tags":{},"type":"%s"}]}""".formatted(account, account, type);
    }

    private static final String NO_ANALYZERS = "{\"analyzers\":[]}";

    private record Outcome(Snapshot snapshot, List<Violation> violations, List<NotEvaluated> notEvaluated) {
    }

    /** Scans the organisation in us-east-1 with ListAnalyzers answered per account, others with no analyzer. */
    private static Outcome scan(Map<String, String> analyzersByAccount) {
        try (FaultProxy proxy = new FaultProxy(MOTO.moto().endpoint()); ScanHarness harness = new ScanHarness(proxy.endpoint())) {
            analyzersByAccount.forEach((account, body) ->
                    proxy.inject(Fault.on("access-analyzer", "ListAnalyzers", account).answer(200, "application/json", body)));
            proxy.inject(Fault.on("access-analyzer", "ListAnalyzers").answer(200, "application/json", NO_ANALYZERS));
            Snapshot snapshot = harness.scan(ScanRequest.builder().org().regions(REGION).build());
            var context = RuleContext.of(snapshot, Settings.defaults(), TODAY);
            var rule = new NoAccessAnalyzer();
            return new Outcome(snapshot, rule.evaluate(context), rule.notEvaluated(context));
        }
    }

    @Test
    void anOrganisationAnalyzerInTheManagementAccountCoversTheMemberWhereTheManagementAccountHasNoFunction() {
        String management = org.management().id();
        Outcome covered = scan(Map.of(management, listAnalyzers(management, "ORGANIZATION")));

        AccountInventory managementAccount = account(covered.snapshot(), management);
        assertThat(managementAccount.regions().getFirst().functions()).isEmpty();
        assertThat(managementAccount.regions().getFirst().audit().analyzers())
                .extracting(AuditPosture.Analyzer::type).containsExactly(AuditPosture.Analyzer.Type.ORGANIZATION);
        assertThat(covered.violations()).isEmpty();
        assertThat(covered.notEvaluated()).isEmpty();

        Outcome accountAnalyzerOnly = scan(Map.of(management, listAnalyzers(management, "ACCOUNT")));
        assertThat(accountAnalyzerOnly.violations()).extracting(Violation::accountId).containsExactly(member.id());
        assertThat(accountAnalyzerOnly.notEvaluated()).isEmpty();
    }

    @Test
    void anOrganisationAnalyzerInTheDelegatedAdministratorCoversTheMember() {
        try (OrganizationsClient organizations = MOTO.harness().clients().client(OrganizationsClient::builder, ClientFactory.GLOBAL,
                SeededOrganization.EMULATOR_CREDENTIALS)) {
            organizations.registerDelegatedAdministrator(r -> r.accountId(delegatedAdmin.id())
                    .servicePrincipal(OrgContext.ACCESS_ANALYZER_SERVICE));
            Outcome covered = scan(Map.of(delegatedAdmin.id(), listAnalyzers(delegatedAdmin.id(), "ORGANIZATION")));
            Outcome uncovered = scan(Map.of(delegatedAdmin.id(), listAnalyzers(delegatedAdmin.id(), "ACCOUNT")));
            organizations.deregisterDelegatedAdministrator(r -> r.accountId(delegatedAdmin.id())
                    .servicePrincipal(OrgContext.ACCESS_ANALYZER_SERVICE));

            assertThat(covered.snapshot().org().analyzerAdministrators()).containsExactly(delegatedAdmin.id());
            assertThat(covered.violations()).isEmpty();
            assertThat(covered.notEvaluated()).isEmpty();
            assertThat(uncovered.violations()).extracting(Violation::accountId).containsExactly(member.id());
        }
    }

    private static AccountInventory account(Snapshot snapshot, String id) {
        return snapshot.accounts().stream().filter(a -> a.accountId().equals(id)).findFirst().orElseThrow();
    }
}
