package io.lambdaguardrails.demo;

import io.lambdaguardrails.aws.ClientFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.LogDestinationType;
import software.amazon.awssdk.services.ec2.model.TrafficType;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One account of a seeded organisation, with the calls that set up what a scan will find: roles, VPC networks,
 * functions, trails and Config. Written against the AWS SDK, so it seeds any AWS API implementation
 * (moto in tests and in the demo).
 */
public final class SeededAccount {

    public static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private final String accountId;
    private final ClientFactory clients;
    private final AwsCredentialsProvider credentials;

    SeededAccount(String accountId, ClientFactory clients, AwsCredentialsProvider credentials) {
        this.accountId = accountId;
        this.clients = clients;
        this.credentials = credentials;
    }

    public String id() {
        return accountId;
    }

    public String roleArn(String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    public String functionArn(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
    }

    private <T> T withIam(java.util.function.Function<IamClient, T> work) {
        try (IamClient iam = clients.client(IamClient::builder, ClientFactory.GLOBAL, credentials)) {
            return work.apply(iam);
        }
    }

    // ---- IAM -------------------------------------------------------------------------------------------------

    /** A role trusted by Lambda, with optional inline policies (name → JSON) and attached managed policy ARNs. */
    public String role(String name, Map<String, String> inlinePolicies, List<String> attachedPolicyArns) {
        return role(name, LAMBDA_TRUST, inlinePolicies, attachedPolicyArns, null, Map.of());
    }

    public String role(String name, String trustPolicy, Map<String, String> inlinePolicies,
                       List<String> attachedPolicyArns, String boundaryArn, Map<String, String> tags) {
        return withIam(iam -> {
            String arn = iam.createRole(r -> {
                r.roleName(name).assumeRolePolicyDocument(trustPolicy);
                if (boundaryArn != null) {
                    r.permissionsBoundary(boundaryArn);
                }
                if (!tags.isEmpty()) {
                    r.tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.iam.model.Tag.builder()
                            .key(e.getKey()).value(e.getValue()).build()).toList());
                }
            }).role().arn();
            inlinePolicies.forEach((policyName, document) ->
                    iam.putRolePolicy(r -> r.roleName(name).policyName(policyName).policyDocument(document)));
            attachedPolicyArns.forEach(policyArn -> iam.attachRolePolicy(r -> r.roleName(name).policyArn(policyArn)));
            return arn;
        });
    }

    /** A customer-managed policy; returns its ARN. */
    public String managedPolicy(String name, String document) {
        return withIam(iam -> iam.createPolicy(r -> r.policyName(name).policyDocument(document)).policy().arn());
    }

    // ---- network ---------------------------------------------------------------------------------------------

    public VpcBuilder vpc(String region, String cidr) {
        Ec2Client ec2 = clients.client(Ec2Client::builder, Region.of(region), credentials);
        String vpcId = ec2.createVpc(r -> r.cidrBlock(cidr)).vpc().vpcId();
        return new VpcBuilder(ec2, region, vpcId);
    }

    /** A VPC being set up; close it (or let it be collected) when done — it holds an EC2 client. */
    public final class VpcBuilder implements AutoCloseable {
        private final Ec2Client ec2;
        private final String region;
        private final String vpcId;
        private String internetGateway;

        VpcBuilder(Ec2Client ec2, String region, String vpcId) {
            this.ec2 = ec2;
            this.region = region;
            this.vpcId = vpcId;
        }

        public String id() {
            return vpcId;
        }

        /** A subnet in the given AZ suffix ("a", "b"…) of the region. */
        public String subnet(String cidr, String azSuffix) {
            return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(region + azSuffix)).subnet().subnetId();
        }

        public String internetGateway() {
            if (internetGateway == null) {
                internetGateway = ec2.createInternetGateway().internetGateway().internetGatewayId();
                ec2.attachInternetGateway(r -> r.internetGatewayId(internetGateway).vpcId(vpcId));
            }
            return internetGateway;
        }

        /** A route table with a default route to the internet gateway, associated with the subnets: they become public. */
        public String publicRouteTable(String... subnetIds) {
            String igw = internetGateway();
            String table = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
            ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            for (String subnet : subnetIds) {
                ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
            }
            return table;
        }

        /** A route table without internet route, explicitly associated with the subnets. */
        public String privateRouteTable(String... subnetIds) {
            String table = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
            for (String subnet : subnetIds) {
                ec2.associateRouteTable(r -> r.routeTableId(table).subnetId(subnet));
            }
            return table;
        }

        /** Adds a default route to the internet gateway in the VPC's main route table. */
        public String routeMainTableToInternet() {
            String igw = internetGateway();
            String main = ec2.describeRouteTables(r -> r.filters(
                            f -> f.name("vpc-id").values(vpcId), f -> f.name("association.main").values("true")))
                    .routeTables().getFirst().routeTableId();
            ec2.createRoute(r -> r.routeTableId(main).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            return main;
        }

        /** A security group; ingress and egress CIDRs allow all traffic from/to them (empty: none). */
        public String securityGroup(String name, List<String> ingressCidrs, List<String> egressCidrs) {
            String id = ec2.createSecurityGroup(r -> r.groupName(name).description(name).vpcId(vpcId)).groupId();
            // moto and AWS create a default allow-all egress rule: replace it with what the scenario says.
            ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(p -> p.ipProtocol("-1").ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
            for (String cidr : ingressCidrs) {
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp(cidr))));
            }
            for (String cidr : egressCidrs) {
                ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(p -> p.ipProtocol("-1").ipRanges(x -> x.cidrIp(cidr))));
            }
            return id;
        }

        /** VPC flow logs of all traffic delivered to an S3 bucket (created if needed). */
        public void flowLogs(String bucket) {
            flowLogs(bucket, TrafficType.ALL);
        }

        /** VPC flow logs of the given traffic delivered to an S3 bucket (created if needed). */
        public void flowLogs(String bucket, TrafficType traffic) {
            try (S3Client s3 = clients.s3(Region.of(region), credentials)) {
                createBucket(s3, bucket, region);
            }
            ec2.createFlowLogs(r -> r.resourceIds(vpcId).resourceType(FlowLogsResourceType.VPC).trafficType(traffic)
                    .logDestinationType(LogDestinationType.S3).logDestination("arn:aws:s3:::" + bucket));
        }

        public void gatewayEndpoint(String service, String... routeTableIds) {
            ec2.createVpcEndpoint(r -> r.vpcId(vpcId).serviceName("com.amazonaws." + region + "." + service)
                    .vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(routeTableIds));
        }

        @Override
        public void close() {
            ec2.close();
        }
    }

    // ---- Lambda ----------------------------------------------------------------------------------------------

    /** Creates a function; the spec sets anything beyond name, role, runtime and a tiny zip. */
    public String function(String region, String name, String roleArn, String runtime,
                           UnaryOperator<CreateFunctionRequest.Builder> spec) {
        try (LambdaClient lambda = clients.client(LambdaClient::builder, Region.of(region), credentials)) {
            CreateFunctionRequest.Builder request = CreateFunctionRequest.builder().functionName(name).role(roleArn)
                    .runtime(runtime).handler("index.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(handlerZip())))
                    .timeout(30).memorySize(256);
            return lambda.createFunction(spec.apply(request).build()).functionArn();
        }
    }

    /** Adds a resource-policy statement with lambda:AddPermission; the spec sets principal, conditions… */
    public void permission(String region, String functionName,
                           UnaryOperator<software.amazon.awssdk.services.lambda.model.AddPermissionRequest.Builder> spec) {
        try (LambdaClient lambda = clients.client(LambdaClient::builder, Region.of(region), credentials)) {
            lambda.addPermission(spec.apply(software.amazon.awssdk.services.lambda.model.AddPermissionRequest.builder()
                    .functionName(functionName)).build());
        }
    }

    /** Publishes a version of the function and points alias {@code alias} at it; returns the alias ARN. */
    public String alias(String region, String functionName, String alias) {
        try (LambdaClient lambda = clients.client(LambdaClient::builder, Region.of(region), credentials)) {
            String version = lambda.publishVersion(r -> r.functionName(functionName)).version();
            return lambda.createAlias(r -> r.functionName(functionName).name(alias).functionVersion(version)).aliasArn();
        }
    }

    public void functionUrl(String region, String functionName, FunctionUrlAuthType authType, List<String> corsOrigins) {
        try (LambdaClient lambda = clients.client(LambdaClient::builder, Region.of(region), credentials)) {
            lambda.createFunctionUrlConfig(r -> {
                r.functionName(functionName).authType(authType);
                if (!corsOrigins.isEmpty()) {
                    r.cors(c -> c.allowOrigins(corsOrigins));
                }
            });
        }
    }

    public void reservedConcurrency(String region, String functionName, int limit) {
        try (LambdaClient lambda = clients.client(LambdaClient::builder, Region.of(region), credentials)) {
            lambda.putFunctionConcurrency(r -> r.functionName(functionName).reservedConcurrentExecutions(limit));
        }
    }

    // ---- audit -----------------------------------------------------------------------------------------------

    /** A multi-region trail homed in {@code region}, logging. */
    public String trail(String region, String name, boolean lambdaDataEvents) {
        String bucket = ("trail-" + accountId + "-" + name).toLowerCase();
        try (S3Client s3 = clients.s3(Region.of(region), credentials);
             CloudTrailClient cloudTrail = clients.client(CloudTrailClient::builder, Region.of(region), credentials)) {
            createBucket(s3, bucket, region);
            String arn = cloudTrail.createTrail(r -> r.name(name).s3BucketName(bucket).isMultiRegionTrail(true)).trailARN();
            cloudTrail.startLogging(r -> r.name(name));
            if (lambdaDataEvents) {
                cloudTrail.putEventSelectors(r -> r.trailName(name).eventSelectors(e -> e.includeManagementEvents(true)
                        .dataResources(d -> d.type("AWS::Lambda::Function").values("arn:aws:lambda"))));
            }
            return arn;
        }
    }

    /** A Config recorder of all supported types, started, with a delivery channel and the given managed rules. */
    public void config(String region, String... managedRuleIdentifiers) {
        String bucket = ("config-" + accountId + "-" + region).toLowerCase();
        try (S3Client s3 = clients.s3(Region.of(region), credentials);
             ConfigClient config = clients.client(ConfigClient::builder, Region.of(region), credentials)) {
            createBucket(s3, bucket, region);
            config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name("default")
                    .roleARN(roleArn("aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"))
                    .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(false))));
            config.putDeliveryChannel(r -> r.deliveryChannel(d -> d.name("default").s3BucketName(bucket)));
            config.startConfigurationRecorder(r -> r.configurationRecorderName("default"));
            for (String identifier : managedRuleIdentifiers) {
                config.putConfigRule(r -> r.configRule(c -> c.configRuleName(identifier.toLowerCase().replace('_', '-'))
                        .source(s -> s.owner(Owner.AWS).sourceIdentifier(identifier))));
            }
        }
    }

    private static void createBucket(S3Client s3, String bucket, String region) {
        if (s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket))) {
            return;
        }
        s3.createBucket(r -> {
            r.bucket(bucket);
            if (!"us-east-1".equals(region)) {
                r.createBucketConfiguration(c -> c.locationConstraint(region));
            }
        });
    }

    private static byte[] handlerZip() {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("index.py"));
            zip.write("def handler(event, context):\n    return {'ok': True}\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
