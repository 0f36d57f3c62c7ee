package io.lambdaguardrails.scan;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calls a scan makes, counted at the wire: one paginated call per account or region wherever the API has one,
 * a fixed handful per function, and nothing per function that a bulk call could answer or that only an opt-in rule
 * needs.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class ApiCallBudgetTest {

    static final int FUNCTIONS = 12;
    static final int IN_VPC = 4;

    @Test
    void callsScaleWithRegionsAndFunctionsNotWithTheirProduct(MotoServer moto) {
        SeededAccount account;
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            account = org.account("budget", org.rootId(), Map.of());
            String role = account.role("fn-role", Map.of(), List.of());
            String subnetA, subnetB, group;
            try (var vpc = account.vpc("us-east-1", "10.3.0.0/16")) {
                subnetA = vpc.subnet("10.3.1.0/24", "a");
                subnetB = vpc.subnet("10.3.2.0/24", "b");
                group = vpc.securityGroup("sg", List.of(), List.of("0.0.0.0/0"));
            }
            for (int i = 0; i < FUNCTIONS; i++) {
                boolean inVpc = i < IN_VPC;
                account.function("us-east-1", "fn-" + i, role, "python3.12",
                        f -> inVpc ? f.vpcConfig(v -> v.subnetIds(subnetA, subnetB).securityGroupIds(group)) : f);
            }
        }
        try (FaultProxy proxy = new FaultProxy(moto.endpoint()); ScanHarness harness = new ScanHarness(proxy.endpoint())) {
            harness.scan(ScanRequest.builder().accounts(account.id()).regions("us-east-1", "eu-west-1").build());
            Map<String, Integer> calls = proxy.counts();
            System.out.println("API calls for 1 account x 2 regions x " + FUNCTIONS + " functions (" + IN_VPC + " in a VPC):");
            calls.forEach((api, n) -> System.out.printf("  %-45s %d%n", api, n));

            // Per account
            assertThat(calls).containsEntry("sts:AssumeRole", 1).containsEntry("iam:GetAccountAuthorizationDetails", 1)
                    .containsEntry("cloudtrail:DescribeTrails", 1);
            // Per region, whatever the number of functions
            assertThat(calls).containsEntry("lambda:ListFunctions", 2).containsEntry("lambda:ListEventSourceMappings", 2);
            // The network is read once, and only in the region that has VPC-attached functions
            for (String describe : List.of("ec2:DescribeSubnets", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups",
                    "ec2:DescribeNetworkAcls", "ec2:DescribeFlowLogs", "ec2:DescribeVpcEndpoints")) {
                assertThat(calls).containsEntry(describe, 1);
            }
            // Config and Access Analyzer only where there are functions to judge
            assertThat(calls).containsEntry("config:DescribeConfigurationRecorders", 1);
            // Tags in bulk, once per region that has functions
            assertThat(calls).containsEntry("tagging:GetResources", 1);
            // Per function: a fixed handful of reads (aliases listed once: these functions have none), and none
            // that only an opt-in rule needs
            for (String perFunction : List.of("lambda:GetPolicy", "lambda:GetFunctionUrlConfig",
                    "lambda:ListFunctionEventInvokeConfigs", "lambda:ListAliases")) {
                assertThat(calls).containsEntry(perFunction, FUNCTIONS);
            }
            assertThat(calls).doesNotContainKeys("lambda:ListTags", "lambda:GetFunctionConcurrency");
            int total = calls.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("  total %d, %.1f per function%n", total, (double) total / FUNCTIONS);
        }
    }
}
