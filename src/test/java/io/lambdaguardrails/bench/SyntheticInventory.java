package io.lambdaguardrails.bench;

import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.job.SavedInventory;
import io.lambdaguardrails.rules.fixtures.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes a synthetic saved inventory, as {@code scan --save-inventory} would, of an organisation far larger than the
 * emulator can hold: {@code accounts} members × {@code regions} × {@code functions} per region, for benchmarking
 * {@code evaluate} and the reports at scale without calling AWS. Every function is built from its index, so the
 * same arguments give the same file, and the mix is the one a real organisation has: deprecated runtimes, shared and
 * broad roles, a third in a VPC (some in a public subnet behind an open group), resource policies for services, a
 * partner and a few for everyone, function URLs, secrets in environment variables, missing tags, tracing and
 * dead-letter queues. Prints one JSON line: what was written.
 * <p>
 * {@code SyntheticInventory --accounts 500 --regions us-east-1,eu-west-1 --functions 50 --output inventory.json}
 */
public final class SyntheticInventory {

    private static final List<String> RUNTIMES = List.of("python3.12", "nodejs20.x", "java21", "python3.9",
            "nodejs16.x", "python3.13");
    private static final String PARTNER = "999988887777";
    private static final Network.Route LOCAL = new Network.Route("10.0.0.0/16", "local", Network.Route.State.ACTIVE);
    private static final String APP_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"},
             {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:*:*:table/app-%d"}]}""";
    private static final String BROAD_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
             {"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}""";

    private SyntheticInventory() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = 500, functions = 50;
        List<String> regions = List.of("us-east-1", "eu-west-1");
        Path output = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--accounts" -> accounts = Integer.parseInt(args[i + 1]);
                case "--functions" -> functions = Integer.parseInt(args[i + 1]);
                case "--regions" -> regions = List.of(args[i + 1].split(","));
                case "--output" -> output = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output FILE is required");
        }
        Instant start = Instant.now();
        Snapshot snapshot = organisation(accounts, regions, functions);
        SavedInventory.write(output, snapshot);
        System.out.printf("{\"accounts\":%d,\"regions\":%d,\"functions\":%d,\"file\":\"%s\",\"bytes\":%d,\"seconds\":%.1f}%n",
                accounts, regions.size(), accounts * regions.size() * functions, output, Files.size(output),
                Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    static Snapshot organisation(int accounts, List<String> regions, int functions) {
        return Fixtures.org(org -> {
            org.scp("deny-leave", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""",
                    "r-root");
            for (int a = 0; a < accounts; a++) {
                account(org, a, regions, functions);
            }
        });
    }

    private static void account(Fixtures.OrgBuilder org, int a, List<String> regions, int functions) {
        String id = String.format("%012d", 100_000_000_000L + a);
        org.account(id, account -> {
            account.ou("r-root", a % 2 == 0 ? "ou-prod" : "ou-dev").tag("env", a % 2 == 0 ? "prod" : "dev");
            account.role("app-shared-role", r -> r.inline("broad", BROAD_POLICY));
            for (int i = 0; i < functions; i++) {
                int table = i;
                account.role(name(i) + "-role", r -> r.inline("app", APP_POLICY.formatted(table)));
            }
            if (a % 2 == 0) {
                account.trail(new AuditPosture.Trail("arn:aws:cloudtrail:us-east-1:" + id + ":trail/audit", "audit",
                        "us-east-1", true, false, true, null, true, a % 4 == 0));
            }
            for (String region : regions) {
                account.region(region, r -> {
                    r.network(n -> network(n, region, a));
                    for (int i = 0; i < functions; i++) {
                        int index = i;
                        r.function(name(i), f -> function(f, id, region, index));
                    }
                });
            }
        });
    }

    private static String name(int i) {
        return String.format("fn-%03d", i);
    }

    /** A VPC with a public subnet (routed to an internet gateway) and two private ones, an open and a tight group. */
    private static void network(Fixtures.NetworkBuilder n, String region, int account) {
        n.vpc("vpc-1")
                .subnet("subnet-public", "vpc-1", region + "-az1", "rtb-public")
                .subnet("subnet-a", "vpc-1", region + "-az1", "rtb-private")
                .subnet("subnet-b", "vpc-1", region + "-az2", "rtb-private")
                .routeTable(new Network.RouteTable("rtb-main", "vpc-1", true, List.of(LOCAL)))
                .routeTable(new Network.RouteTable("rtb-public", "vpc-1", false,
                        List.of(LOCAL, new Network.Route("0.0.0.0/0", "igw-1", Network.Route.State.ACTIVE))))
                .routeTable(new Network.RouteTable("rtb-private", "vpc-1", false,
                        List.of(LOCAL, new Network.Route("0.0.0.0/0", "nat-1", Network.Route.State.ACTIVE))))
                .gateway("igw-1", "internet", "vpc-1")
                .securityGroup(new Network.SecurityGroup("sg-open", "vpc-1", "open",
                        List.of(new Network.SgRule("-1", null, null, List.of("0.0.0.0/0"), List.of())),
                        List.of(new Network.SgRule("-1", null, null, List.of("0.0.0.0/0"), List.of()))))
                .securityGroup(new Network.SecurityGroup("sg-tight", "vpc-1", "tight", List.of(),
                        List.of(new Network.SgRule("tcp", 443, 443, List.of("0.0.0.0/0"), List.of()))));
        if (account % 2 == 0) {
            n.flowLog(new Network.FlowLog("fl-1", "vpc-1", Network.FlowLog.Status.ACTIVE,
                    Network.FlowLog.DeliveryStatus.SUCCESS, Network.FlowLog.TrafficType.ALL, "s3", "arn:aws:s3:::flow-logs"));
        }
    }

    private static void function(Fixtures.FunctionBuilder f, String account, String region, int i) {
        f.runtime(RUNTIMES.get(i % RUNTIMES.size()))
                .description("synthetic function " + i)
                .memory(128 << (i % 4))
                .env("TABLE_NAME", 12)
                .env("LOG_LEVEL", 4);
        if (i % 4 == 0) {
            f.role("app-shared-role");
        }
        if (i % 3 == 0) {
            f.vpc("vpc-1", i % 6 == 0 ? List.of("subnet-public") : List.of("subnet-a", "subnet-b"),
                    List.of(i % 6 == 0 ? "sg-open" : "sg-tight"));
        }
        if (i % 10 == 3) {
            f.secretEnv("DB_PASSWORD", "high-entropy");
        }
        if (i % 2 == 0) {
            f.tag("owner", "team-" + (i % 7)).tag("env", "prod");
        }
        if (i % 3 == 1) {
            f.tracing(LambdaFunction.TracingMode.PASS_THROUGH);
        }
        if (i % 4 == 1) {
            f.deadLetter("arn:aws:sqs:" + region + ":" + account + ":dlq");
        }
        String arn = f.arn();
        switch (i % 10) {
            case 1 -> f.policy(policy(statement("partner", "{\"AWS\":\"arn:aws:iam::" + PARTNER + ":root\"}", arn, null)));
            case 4 -> f.policy(policy(statement("s3", "{\"Service\":\"s3.amazonaws.com\"}", arn,
                    "{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::bucket-" + i + "\"},\"StringEquals\":{\"AWS:SourceAccount\":\""
                            + account + "\"}}")));
            case 6 -> f.policy(policy(statement("events", "{\"Service\":\"events.amazonaws.com\"}", arn, null)));
            case 7 -> f.url("NONE").policy(policy(statement("public-url", "\"*\"", arn,
                    "{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}")));
            case 8 -> f.url("AWS_IAM");
            default -> {
            }
        }
        if (i % 8 == 5) {
            f.qualifier("live", q -> q);
        }
    }

    private static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    private static String statement(String sid, String principal, String resource, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + resource + "\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }
}
