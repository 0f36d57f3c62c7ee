package io.lambdaguardrails.bench;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Seeds an emulator with the benchmark's organisation: {@code accounts} members × {@code regions} × {@code functions}
 * per region, with the mix a real organisation has — shared and per-function roles, a third of the functions in a
 * VPC across two AZs, a quarter with resource policies (service principals, a partner account, a few public), one in
 * ten behind a function URL, environment variables and tags on all, and a trail per account. Accounts are seeded
 * in parallel. Prints one JSON line: what was created and how long it took.
 * <p>
 * {@code BenchSeeder --endpoint http://127.0.0.1:PORT --accounts 50 --regions us-east-1,eu-west-1 --functions 20}
 */
public final class BenchSeeder {

    static final List<String> RUNTIMES = List.of("python3.12", "nodejs20.x", "java21", "python3.9", "nodejs18.x");
    static final String PARTNER = "999988887777";
    private static final String INLINE = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"},
             {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem"],"Resource":"arn:aws:dynamodb:*:*:table/app-%d"}]}""";
    private static final String BROAD = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    /** Parallel account seeders: moto is single-process, so more would only queue. */
    private static final int PARALLEL_ACCOUNTS = 6;

    private BenchSeeder() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = null;
        int accounts = 50, functions = 20;
        List<String> regions = List.of("us-east-1", "eu-west-1");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = URI.create(args[i + 1]);
                case "--accounts" -> accounts = Integer.parseInt(args[i + 1]);
                case "--functions" -> functions = Integer.parseInt(args[i + 1]);
                case "--regions" -> regions = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("--endpoint is required");
        }
        Instant start = Instant.now();
        try (ClientFactory clients = new ClientFactory(new AwsSettings(endpoint, "us-east-1", 3, Duration.ofMinutes(2), 64));
             SeededOrganization org = SeededOrganization.create(clients)) {
            Semaphore slots = new Semaphore(PARALLEL_ACCOUNTS);
            List<Future<Integer>> seeded = new ArrayList<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int a = 0; a < accounts; a++) {
                    int index = a;
                    List<String> accountRegions = regions;
                    int perRegion = functions;
                    seeded.add(executor.submit(() -> {
                        slots.acquire();
                        try {
                            return account(org, index, accountRegions, perRegion);
                        } finally {
                            slots.release();
                        }
                    }));
                }
                int total = 0;
                for (Future<Integer> f : seeded) {
                    total += f.get();
                }
                System.out.printf("{\"accounts\":%d,\"regions\":%d,\"functions\":%d,\"seedSeconds\":%.1f}%n",
                        accounts, regions.size(), total, Duration.between(start, Instant.now()).toMillis() / 1000.0);
            }
        }
    }

    private static int account(SeededOrganization org, int index, List<String> regions, int functions) {
        SeededAccount account = org.account(String.format("bench-%03d", index), org.rootId(),
                Map.of("owner", "team-" + index % 7));
        String broad = account.managedPolicy("broad-s3", BROAD);
        List<String> roles = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            roles.add(account.role("app-role-" + r, SeededAccount.LAMBDA_TRUST, Map.of("app", INLINE.formatted(r)),
                    r == 0 ? List.of(broad) : List.of(), null, Map.of("owner", "team-" + r)));
        }
        account.trail(regions.getFirst(), "audit", index % 2 == 0);
        int created = 0;
        for (String region : regions) {
            String subnetA, subnetB, group;
            try (var vpc = account.vpc(region, "10.40.0.0/16")) {
                subnetA = vpc.subnet("10.40.1.0/24", "a");
                subnetB = vpc.subnet("10.40.2.0/24", "b");
                vpc.privateRouteTable(subnetA, subnetB);
                group = vpc.securityGroup("functions", List.of(), List.of("0.0.0.0/0"));
            }
            for (int f = 0; f < functions; f++) {
                function(account, region, "fn-" + f, f, roles.get(f % roles.size()), subnetA, subnetB, group);
                created++;
            }
        }
        return created;
    }

    private static void function(SeededAccount account, String region, String name, int f, String role,
                                 String subnetA, String subnetB, String group) {
        boolean inVpc = f % 3 == 0;
        account.function(region, name, role, RUNTIMES.get(f % RUNTIMES.size()), spec -> {
            spec.environment(e -> e.variables(Map.of("STAGE", "prod", "TABLE", "app-" + f, "LOG_LEVEL", "info")))
                    .tags(Map.of("owner", "team-" + f % 5, "service", name))
                    .description("bench function " + f);
            return inVpc ? spec.vpcConfig(v -> v.subnetIds(subnetA, subnetB).securityGroupIds(group)) : spec;
        });
        if (f % 4 == 1) {
            account.permission(region, name, p -> p.statementId("s3-events").action("lambda:InvokeFunction")
                    .principal("s3.amazonaws.com").sourceAccount(account.id()));
        } else if (f % 4 == 2 && f % 8 == 2) {
            account.permission(region, name, p -> p.statementId("partner").action("lambda:InvokeFunction").principal(PARTNER));
        } else if (f % 20 == 3) {
            account.permission(region, name, p -> p.statementId("anyone").action("lambda:InvokeFunction").principal("*"));
        }
        if (f % 10 == 5) {
            account.functionUrl(region, name, f % 20 == 5 ? FunctionUrlAuthType.NONE : FunctionUrlAuthType.AWS_IAM, List.of());
        }
    }
}
