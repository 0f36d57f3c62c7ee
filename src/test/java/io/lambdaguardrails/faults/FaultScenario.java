package io.lambdaguardrails.faults;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small organisation in which every member has something to find: a function anyone may invoke, one behind an
 * unauthenticated URL and one in a VPC, in {@link #REGION}. {@link #OTHER_REGION} is scanned but empty.
 */
final class FaultScenario {

    static final String REGION = "us-east-1";
    static final String OTHER_REGION = "eu-west-1";
    static final String PUBLIC_FUNCTION = "public-fn";
    static final String URL_FUNCTION = "url-fn";
    static final String VPC_FUNCTION = "vpc-fn";

    private FaultScenario() {
    }

    /** Member account ids, in creation order. */
    static List<String> seed(MotoServer moto, int members) {
        List<String> ids = new ArrayList<>();
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            for (int i = 0; i < members; i++) {
                SeededAccount account = org.account("member-" + i, org.rootId(), Map.of("team", "team-" + i));
                member(account, i);
                ids.add(account.id());
            }
        }
        return ids;
    }

    private static void member(SeededAccount account, int i) {
        String role = account.role("fn-role", Map.of(), List.of());
        account.function(REGION, PUBLIC_FUNCTION, role, "python3.12", f -> f
                .environment(e -> e.variables(Map.of("STAGE", "prod")))
                .tags(Map.of("owner", "team-" + i)));
        account.permission(REGION, PUBLIC_FUNCTION, p -> p.statementId("anyone").action("lambda:InvokeFunction").principal("*"));
        account.function(REGION, URL_FUNCTION, role, "nodejs20.x", f -> f);
        account.functionUrl(REGION, URL_FUNCTION, FunctionUrlAuthType.NONE, List.of("*"));
        String subnet, group;
        try (var vpc = account.vpc(REGION, "10.8.0.0/16")) {
            subnet = vpc.subnet("10.8.1.0/24", "a");
            group = vpc.securityGroup("fn", List.of(), List.of("0.0.0.0/0"));
        }
        account.function(REGION, VPC_FUNCTION, role, "python3.12", f -> f
                .vpcConfig(v -> v.subnetIds(subnet).securityGroupIds(group)));
    }

    static List<Finding> findings(Snapshot snapshot) {
        List<Rule> rules = RuleCatalogue.all().stream().filter(r -> r.meta().enabledByDefault()).toList();
        return new RuleEngine(rules, Settings.defaults()).evaluate(snapshot, LocalDate.of(2026, 11, 28));
    }

    /** The run's result as the reports carry it, for comparing one run with another. */
    static ScanResult result(Snapshot snapshot, ScanRequest request) {
        List<Rule> rules = RuleCatalogue.all().stream().filter(r -> r.meta().enabledByDefault()).toList();
        var evaluation = new RuleEngine(rules, Settings.defaults()).evaluateAll(snapshot, LocalDate.of(2026, 11, 28));
        return ScanResults.of(snapshot, request, Instant.EPOCH, Instant.EPOCH, ScanResult.Tool.current(), evaluation,
                rules.stream().map(Rule::meta).toList(), RiskWeights.defaults());
    }

    /** The inventory without the timings, which differ between any two runs. */
    static List<AccountInventory> untimed(Snapshot snapshot) {
        return snapshot.accounts().stream().map(a -> new AccountInventory(a.accountId(), a.accountName(), a.evaluable(),
                Instant.EPOCH, Instant.EPOCH, a.iam(), a.trails(), a.regions())).toList();
    }

    /** Coverage entries that make a scan incomplete. */
    static List<Coverage> gaps(Snapshot snapshot) {
        return snapshot.coverage().stream().filter(c -> c.status().incomplete()).toList();
    }
}
