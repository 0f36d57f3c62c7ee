package io.lambdaguardrails.scan;

import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.fixtures.RuleTester;
import io.lambdaguardrails.rules.network.NoVpcFlowLog;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.ec2.model.TrafficType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The network around VPC-attached functions, with each subnet's effective route table. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class NetworkScanTest {

    @BeforeEach
    void startEmpty(MotoServer moto) {
        moto.reset();
    }

    @Test
    void resolvesExplicitAndMainRouteTablesAndTheFunctionsVpc(MotoServer moto) {
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            SeededAccount account = org.account("net", org.rootId(), Map.of());
            String role = account.role("fn-role", Map.of(), List.of());
            String explicitSubnet, mainSubnet, explicitTable, mainTable, vpcId, group;
            try (var vpc = account.vpc("us-east-1", "10.1.0.0/16")) {
                vpcId = vpc.id();
                explicitSubnet = vpc.subnet("10.1.1.0/24", "a");
                mainSubnet = vpc.subnet("10.1.2.0/24", "b");
                explicitTable = vpc.privateRouteTable(explicitSubnet);
                mainTable = vpc.routeMainTableToInternet();
                group = vpc.securityGroup("fn-sg", List.of("0.0.0.0/0"), List.of("0.0.0.0/0"));
                vpc.flowLogs("flow-logs-" + account.id());
            }
            account.function("us-east-1", "in-vpc", role, "python3.12",
                    f -> f.vpcConfig(v -> v.subnetIds(explicitSubnet, mainSubnet).securityGroupIds(group)));
            account.function("us-east-1", "no-vpc", role, "python3.12", f -> f);

            RegionInventory region = harness.scan(ScanRequest.builder().accounts(account.id()).regions("us-east-1").build())
                    .accounts().getFirst().regions().getFirst();

            Network network = region.network();
            assertThat(network.subnet(explicitSubnet).orElseThrow())
                    .satisfies(s -> {
                        assertThat(s.routeTableId()).isEqualTo(explicitTable);
                        assertThat(s.explicitRouteTable()).isTrue();
                        assertThat(s.availabilityZone()).isEqualTo("us-east-1a");
                    });
            assertThat(network.subnet(mainSubnet).orElseThrow())
                    .satisfies(s -> {
                        assertThat(s.routeTableId()).isEqualTo(mainTable);
                        assertThat(s.explicitRouteTable()).isFalse();
                    });
            assertThat(network.routeTable(mainTable).orElseThrow().routes())
                    .anySatisfy(r -> {
                        assertThat(r.destination()).isEqualTo("0.0.0.0/0");
                        assertThat(r.target()).startsWith("igw-");
                        assertThat(r.state()).isEqualTo(Network.Route.State.ACTIVE);
                    });
            assertThat(network.routeTable(explicitTable).orElseThrow().routes()).noneMatch(r -> r.target().startsWith("igw-"));
            assertThat(network.securityGroup(group).orElseThrow().ingress()).singleElement()
                    .satisfies(r -> assertThat(r.cidrs()).containsExactly("0.0.0.0/0"));
            assertThat(network.flowLogs()).singleElement().satisfies(f -> {
                assertThat(f.resourceId()).isEqualTo(vpcId);
                assertThat(f.trafficType()).isEqualTo(Network.FlowLog.TrafficType.ALL);
                assertThat(f.status()).isEqualTo(Network.FlowLog.Status.ACTIVE);
                assertThat(f.destinationType()).isEqualTo("s3");
                assertThat(f.destination()).isEqualTo("arn:aws:s3:::flow-logs-" + account.id());
            });
            assertThat(network.gateways()).extracting(Network.Gateway::type).contains("internet");
            assertThat(network.notCollected()).isEmpty();

            LambdaFunction inVpc = region.functions().stream().filter(f -> f.name().equals("in-vpc")).findFirst().orElseThrow();
            assertThat(inVpc.vpc().vpcId()).isEqualTo(vpcId);
            assertThat(inVpc.vpc().subnetIds()).containsExactlyInAnyOrder(explicitSubnet, mainSubnet);
            LambdaFunction noVpc = region.functions().stream().filter(f -> f.name().equals("no-vpc")).findFirst().orElseThrow();
            assertThat(noVpc.vpcAttached()).isFalse();
        }
    }

    /** moto stores a flow log's TrafficType and answers it in DescribeFlowLogs as AWS does. */
    @Test
    void aVpcWhoseOnlyFlowLogRecordsRejectedTrafficHasNoCompleteFlowLog(MotoServer moto) {
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            SeededAccount account = org.account("net", org.rootId(), Map.of());
            String role = account.role("fn-role", Map.of(), List.of());
            String subnet, group;
            try (var vpc = account.vpc("us-east-1", "10.2.0.0/16")) {
                subnet = vpc.subnet("10.2.1.0/24", "a");
                group = vpc.securityGroup("fn-sg", List.of(), List.of("0.0.0.0/0"));
                vpc.flowLogs("reject-logs-" + account.id(), TrafficType.REJECT);
            }
            account.function("us-east-1", "in-vpc", role, "python3.12",
                    f -> f.vpcConfig(v -> v.subnetIds(subnet).securityGroupIds(group)));

            Snapshot snapshot = harness.scan(ScanRequest.builder().accounts(account.id()).regions("us-east-1").build());

            assertThat(snapshot.accounts().getFirst().regions().getFirst().network().flowLogs())
                    .singleElement().satisfies(f -> assertThat(f.trafficType()).isEqualTo(Network.FlowLog.TrafficType.REJECT));
            assertThat(RuleTester.of(new NoVpcFlowLog()).run(snapshot)).singleElement()
                    .satisfies(v -> assertThat(v.detail()).contains("(REJECT, ACTIVE"));
        }
    }
}
