package io.lambdaguardrails.inventory;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.signer.SignerClient;
import software.amazon.awssdk.core.SdkClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects one account before its deadline: its regions, IAM and trails all at once — IAM is read while the regions
 * are, and narrowed to the execution roles once their functions are known. A part still running at the deadline is
 * abandoned and recorded as TIMEOUT; what finished is kept. Audit posture is read where the account has functions,
 * and Access Analyzer's analyzers also in every scanned region of an account that may own ORGANIZATION analyzers
 * (the management account and Access Analyzer's delegated administrators): those cover members with no function of
 * the owner's in that region.
 */
public final class AccountCollector {

    public static final String DEADLINE_API = "scan:AccountDeadline";

    private final ClientFactory clients;
    private final CoverageLog coverage;
    private final UnsupportedApis unsupported;
    private final SecretScreen screen;
    private final AwsManagedPolicies awsManaged;
    private final int callsPerAccount;
    private final CollectionPlan plan;
    private final Set<String> analyzerOwners;

    /** @param analyzerOwners the accounts that may own ORGANIZATION analyzers, read in every scanned region */
    public AccountCollector(ClientFactory clients, CoverageLog coverage, UnsupportedApis unsupported,
                            SecretScreen screen, AwsManagedPolicies awsManaged, int callsPerAccount, CollectionPlan plan,
                            Set<String> analyzerOwners) {
        this.clients = clients;
        this.coverage = coverage;
        this.unsupported = unsupported;
        this.screen = screen;
        this.awsManaged = awsManaged;
        this.callsPerAccount = callsPerAccount;
        this.plan = plan;
        this.analyzerOwners = Set.copyOf(analyzerOwners);
    }

    public AccountInventory collect(String accountId, String accountName, AwsCredentialsProvider credentials,
                                    List<String> regions, Instant deadline) {
        Instant started = Instant.now();
        // Per-function calls of all regions share one budget, so one account never floods its own API rate limits.
        Semaphore callBudget = new Semaphore(callsPerAccount);
        Map<String, SdkClient> openClients = new ConcurrentHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            IamCollector iamCollector = iamCollector(accountId, credentials, openClients);
            Future<IamCollector.Details> iamDetails = executor.submit(iamCollector::read);
            String homeRegion = regions.isEmpty() ? ClientFactory.GLOBAL.id() : regions.getFirst();
            Future<List<AuditPosture.Trail>> trails = executor.submit(() -> trails(accountId, homeRegion, credentials, openClients));
            Map<String, Future<RegionInventory>> regionTasks = new LinkedHashMap<>();
            for (String region : regions) {
                regionTasks.put(region, executor.submit(() -> region(accountId, region, credentials, callBudget, openClients)));
            }
            Deadline late = new Deadline(deadline);
            List<RegionInventory> collected = new ArrayList<>();
            for (var task : regionTasks.entrySet()) {
                late.await(task.getValue(), accountId, task.getKey(), "region").ifPresent(collected::add);
            }
            Set<String> roles = new LinkedHashSet<>();
            collected.forEach(r -> r.functions().forEach(f -> roles.add(f.roleArn())));
            IamInventory iamInventory = late.await(iamDetails, accountId, Coverage.GLOBAL, "iam")
                    .map(details -> iamCollector.select(details, roles)).orElse(null);
            List<AuditPosture.Trail> trailList = late.await(trails, accountId, Coverage.GLOBAL, "cloudtrail").orElse(null);
            late.record(accountId);
            executor.shutdownNow();
            return new AccountInventory(accountId, accountName, true, started, Instant.now(), iamInventory, trailList, collected);
        } finally {
            openClients.values().forEach(SdkClient::close);
        }
    }

    /**
     * Waits for an account's parts until its deadline and remembers, per region, what did not finish: one coverage
     * entry per region says so, not one per part and not one per call cut off with it.
     */
    private final class Deadline {
        private final Instant at;
        private final Map<String, List<String>> unfinished = new LinkedHashMap<>();
        private String reason = "not finished before the account deadline";

        Deadline(Instant at) {
            this.at = at;
        }

        <T> Optional<T> await(Future<T> task, String accountId, String region, String what) {
            try {
                long waitMillis = Math.max(0, Duration.between(Instant.now(), at).toMillis());
                return Optional.ofNullable(task.get(waitMillis, TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                task.cancel(true);
                unfinished.computeIfAbsent(region, r -> new ArrayList<>()).add(what);
                return Optional.empty();
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                unfinished.computeIfAbsent(region, r -> new ArrayList<>()).add(what);
                reason = "scan interrupted";
                return Optional.empty();
            } catch (ExecutionException e) {
                coverage.record(accountId, region, what, "scan:Collect", CoverageStatus.ERROR,
                        "collector failed: " + e.getCause().getClass().getSimpleName());
                return Optional.empty();
            }
        }

        void record(String accountId) {
            unfinished.forEach((region, parts) -> coverage.record(accountId, region, "scan", DEADLINE_API,
                    CoverageStatus.TIMEOUT, String.join(", ", parts) + " " + reason));
        }
    }

    private RegionInventory region(String accountId, String region, AwsCredentialsProvider credentials,
                                   Semaphore callBudget, Map<String, SdkClient> openClients) {
        Region r = Region.of(region);
        ApiCaller calls = new ApiCaller(accountId, region, coverage, unsupported);
        var functions = new FunctionCollector(client(openClients, "lambda", region, () -> clients.client(LambdaClient::builder, r, credentials)),
                client(openClients, "tagging", region, () -> clients.client(ResourceGroupsTaggingApiClient::builder, r, credentials)),
                calls, screen, callBudget, plan).collect();
        Set<String> subnets = new LinkedHashSet<>();
        functions.functions().stream().filter(LambdaFunction::vpcAttached).forEach(f -> subnets.addAll(f.vpc().subnetIds()));
        var network = new NetworkCollector(client(openClients, "ec2", region, () -> clients.client(Ec2Client::builder, r, credentials)), calls)
                .collect(subnets);
        var withVpcIds = functions.functions().stream().map(f -> withResolvedVpc(f, network)).toList();
        var profiles = new SigningCollector(client(openClients, "signer", region, () -> clients.client(SignerClient::builder, r, credentials)), calls)
                .collect(functions.codeSigningConfigs());
        Supplier<AuditCollector> auditCollector = () -> new AuditCollector(
                client(openClients, "config", region, () -> clients.client(ConfigClient::builder, r, credentials)),
                client(openClients, "access-analyzer", region, () -> clients.client(AccessAnalyzerClient::builder, r, credentials)),
                calls);
        var audit = !functions.functions().isEmpty() ? auditCollector.get().collect()
                : analyzerOwners.contains(accountId) ? auditCollector.get().analyzersOnly()
                : AuditPosture.unknown();
        return new RegionInventory(region, withVpcIds, functions.codeSigningConfigs(), profiles, network, audit);
    }

    /** Lambda's own VpcId is not trusted: the subnets say which VPC a function is in. */
    private static LambdaFunction withResolvedVpc(LambdaFunction f, Network network) {
        if (!f.vpcAttached()) {
            return f;
        }
        String vpcId = f.vpc().subnetIds().stream().map(network::subnet).flatMap(Optional::stream)
                .map(Network.Subnet::vpcId).findFirst().orElse(null);
        return f.withVpc(new LambdaFunction.VpcAttachment(vpcId, f.vpc().subnetIds(), f.vpc().securityGroupIds()));
    }

    private IamCollector iamCollector(String accountId, AwsCredentialsProvider credentials,
                                      Map<String, SdkClient> openClients) {
        ApiCaller calls = new ApiCaller(accountId, Coverage.GLOBAL, coverage, unsupported);
        IamClient iam = client(openClients, "iam", Coverage.GLOBAL, () -> clients.client(IamClient::builder, ClientFactory.GLOBAL, credentials));
        return new IamCollector(iam, calls, awsManaged);
    }

    private List<AuditPosture.Trail> trails(String accountId, String discoveryRegion, AwsCredentialsProvider credentials,
                                            Map<String, SdkClient> openClients) {
        ApiCaller calls = new ApiCaller(accountId, Coverage.GLOBAL, coverage, unsupported);
        Function<String, CloudTrailClient> inRegion = region -> client(openClients, "cloudtrail", region,
                () -> clients.client(CloudTrailClient::builder, Region.of(region), credentials));
        return new TrailCollector(inRegion.apply(discoveryRegion), inRegion, calls).collect();
    }

    @SuppressWarnings("unchecked")
    private static <C extends SdkClient> C client(Map<String, SdkClient> open, String service, String region,
                                                  Supplier<C> create) {
        return (C) open.computeIfAbsent(service + "@" + region, k -> create.get());
    }
}
