package io.lambdaguardrails.demo;

import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.TracingMode;

import java.util.List;
import java.util.Map;

/**
 * The demo's organisation: a management account and three members in Prod and Dev OUs, two regions each, about
 * forty functions with the mistakes real organisations make — public URLs and resource policies, secrets in
 * environment variables, deprecated runtimes, shared and over-privileged roles, functions in public subnets — next
 * to functions that do it right. Every secret here is synthetic.
 */
public final class SampleOrganisation {

    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    public static final String PARTNER_ACCOUNT = "999988887777";

    private static final String LOGS_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"}]}""";
    private static final String S3_WILDCARD = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
             {"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""";
    private static final String READ_ORDERS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query"],
             "Resource":"arn:aws:dynamodb:*:*:table/orders"}]}""";
    private static final String DENY_PUBLIC_URLS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["lambda:CreateFunctionUrlConfig","lambda:UpdateFunctionUrlConfig"],
             "Resource":"*","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}]}""";
    // Synthetic credentials in well-known formats, so the demo shows what the secret detector catches.
    private static final String FAKE_ACCESS_KEY = "AKIA" + "Q3EXAMPLEZ7K2M4P";
    private static final String FAKE_DSN = "postgres://app:" + "s3cr3t-Pa55w0rd" + "@db.internal:5432/payments";

    private SampleOrganisation() {
    }

    /** Seeds the organisation and returns how many functions it created. */
    public static int seed(SeededOrganization org) {
        String prod = org.organizationalUnit(org.rootId(), "Prod");
        String payments = org.organizationalUnit(prod, "Payments");
        String dev = org.organizationalUnit(org.rootId(), "Dev");
        org.serviceControlPolicy("deny-public-function-urls", DENY_PUBLIC_URLS, prod);

        SeededAccount management = org.management();
        management.trail("us-east-1", "org-audit", false);
        management.config("us-east-1", "LAMBDA_INSIDE_VPC", "LAMBDA_FUNCTION_PUBLIC_ACCESS_PROHIBITED");

        int functions = 0;
        functions += web(org.account("prod-web", prod, Map.of("owner", "web-team", "env", "prod")));
        functions += payments(org.account("prod-payments", payments, Map.of("owner", "payments-team", "env", "prod")));
        functions += sandbox(org.account("dev-sandbox", dev, Map.of("owner", "platform-team", "env", "dev")));
        return functions;
    }

    private static int web(SeededAccount account) {
        String shared = account.role("web-shared-role", Map.of("logs", LOGS_ONLY), List.of());
        String boundary = account.managedPolicy("web-boundary", LOGS_ONLY);
        String health = account.role("web-health-role", SeededAccount.LAMBDA_TRUST, Map.of("logs", LOGS_ONLY), List.of(),
                boundary, Map.of("owner", "web-team", "data-classification", "internal"));
        int count = 0;
        for (String region : REGIONS) {
            String publicSubnet, privateA, privateB, openGroup, tightGroup;
            try (var vpc = account.vpc(region, "10.20.0.0/16")) {
                publicSubnet = vpc.subnet("10.20.1.0/24", "a");
                privateA = vpc.subnet("10.20.11.0/24", "a");
                privateB = vpc.subnet("10.20.12.0/24", "b");
                String publicTable = vpc.publicRouteTable(publicSubnet);
                vpc.privateRouteTable(privateA, privateB);
                vpc.gatewayEndpoint("s3", publicTable);
                openGroup = vpc.securityGroup("web-open", List.of("0.0.0.0/0"), List.of("0.0.0.0/0"));
                tightGroup = vpc.securityGroup("web-tight", List.of(), List.of("10.20.0.0/16"));
                vpc.flowLogs("flow-logs-" + account.id() + "-" + region);
            }
            account.function(region, "web-api", shared, "python3.12", f -> f
                    .vpcConfig(v -> v.subnetIds(publicSubnet).securityGroupIds(openGroup))
                    .description("Public storefront API"));
            account.functionUrl(region, "web-api", FunctionUrlAuthType.NONE, List.of("*"));
            account.permission(region, "web-api", p -> p.statementId("public-url").action("lambda:InvokeFunctionUrl")
                    .principal("*").functionUrlAuthType(FunctionUrlAuthType.NONE));
            account.function(region, "web-render", shared, "nodejs16.x", f -> f
                    .environment(e -> e.variables(Map.of("RENDER_BUCKET", "assets-prod", "AWS_ACCESS_KEY_ID", FAKE_ACCESS_KEY))));
            account.function(region, "web-health", health, "python3.12", f -> f
                    .vpcConfig(v -> v.subnetIds(privateA, privateB).securityGroupIds(tightGroup))
                    .tracingConfig(t -> t.mode(TracingMode.ACTIVE))
                    .codeSigningConfigArn("arn:aws:lambda:" + region + ":" + account.id() + ":code-signing-config:csc-0123456789abcdef0")
                    .tags(Map.of("owner", "web-team", "data-classification", "internal")));
            account.reservedConcurrency(region, "web-health", 10);
            account.function(region, "web-legacy-thumbnails", shared, "python3.8", f -> f);
            count += 4;
        }
        return count;
    }

    private static int payments(SeededAccount account) {
        String admin = account.role("payments-admin-role", Map.of(), List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
        String reader = account.role("payments-reader-role", Map.of("orders", READ_ORDERS), List.of());
        account.config("us-east-1", "LAMBDA_INSIDE_VPC");
        int count = 0;
        for (String region : REGIONS) {
            account.function(region, "payments-processor", admin, "java17", f -> f
                    .handler("example.Handler::handleRequest")
                    .environment(e -> e.variables(Map.of("DATABASE_URL", FAKE_DSN, "LOG_LEVEL", "info"))));
            // Opened to "anyone" for a quick integration test and never closed: with its administrator role and the
            // password beside it, the worst function of the organisation.
            account.permission(region, "payments-processor", p -> p.statementId("integration-test")
                    .action("lambda:InvokeFunction").principal("*"));
            account.function(region, "payments-webhook", reader, "python3.11", f -> f);
            account.permission(region, "payments-webhook", p -> p.statementId("anyone").action("lambda:InvokeFunction").principal("*"));
            account.function(region, "payments-partner-sync", reader, "python3.12", f -> f);
            account.permission(region, "payments-partner-sync", p -> p.statementId("partner")
                    .action("lambda:InvokeFunction").principal(PARTNER_ACCOUNT));
            account.function(region, "payments-statements", reader, "python3.12", f -> f);
            account.permission(region, "payments-statements", p -> p.statementId("s3-trigger")
                    .action("lambda:InvokeFunction").principal("s3.amazonaws.com").sourceArn("arn:aws:s3:::payments-statements"));
            account.function(region, "payments-ledger", reader, "python3.12", f -> f
                    .tracingConfig(t -> t.mode(TracingMode.ACTIVE)));
            account.permission(region, "payments-ledger", p -> p.statementId("events").action("lambda:InvokeFunction")
                    .principal("events.amazonaws.com").sourceArn("arn:aws:events:" + region + ":" + account.id() + ":rule/ledger"));
            count += 5;
        }
        return count;
    }

    private static int sandbox(SeededAccount account) {
        String broad = account.role("sandbox-broad-role", Map.of("everything-s3", S3_WILDCARD), List.of());
        int count = 0;
        List<String> runtimes = List.of("python3.9", "nodejs18.x", "nodejs20.x", "python3.13", "ruby3.2", "java21");
        for (String region : REGIONS) {
            for (int i = 0; i < runtimes.size(); i++) {
                String runtime = runtimes.get(i);
                account.function(region, "sandbox-experiment-" + (i + 1), broad, runtime,
                        f -> f.handler(runtime.startsWith("java") ? "example.Handler::handleRequest" : "index.handler"));
                count++;
            }
        }
        return count;
    }
}
