package io.lambdaguardrails.inventory;

import io.lambdaguardrails.aws.AccountClients;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.inventory.snapshot.Network;
import io.lambdaguardrails.inventory.snapshot.RegionInventory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.signer.SignerClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * the owner's in that region. The regions themselves are those the scan asks for, or with {@code all} those
 * enabled in the account.
 */
public final class AccountCollector {

    public static final String DEADLINE_API = "scan:AccountDeadline";
    /** Concurrent per-resource calls within one account, shared by its regions: well under Lambda's read limits. */
    private static final int CALLS_PER_ACCOUNT = 16;

    private final CollectionRun run;
    private final ScannedRegions regions;

    public AccountCollector(CollectionRun run) {
        this.run = run;
        this.regions = new ScannedRegions(run.home());
    }

    /** @param requestedRegions as the scan request names them: none, {@code all}, or a list */
    public AccountInventory collect(String accountId, String accountName, AccountClients clients,
                                    List<String> requestedRegions, Instant deadline) {
        List<String> scanned = regions.resolve(requestedRegions, clients, run.calls(clients, Coverage.GLOBAL));
        Instant started = Instant.now();
        // Per-function calls of all regions share one budget, so one account never floods its own API rate limits.
        Semaphore callBudget = new Semaphore(CALLS_PER_ACCOUNT);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            IamCollector iamCollector = iamCollector(clients);
            Future<IamCollector.Details> iamDetails = executor.submit(iamCollector::read);
            String homeRegion = scanned.isEmpty() ? ClientFactory.GLOBAL.id() : scanned.getFirst();
            Future<List<AuditPosture.Trail>> trails = executor.submit(() -> trails(homeRegion, clients));
            Map<String, Future<RegionInventory>> regionTasks = new LinkedHashMap<>();
            for (String region : scanned) {
                regionTasks.put(region, executor.submit(() -> region(accountId, region, clients, callBudget)));
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
                run.coverage().record(accountId, region, what, "scan:Collect", CoverageStatus.ERROR,
                        "collector failed: " + e.getCause().getClass().getSimpleName());
                return Optional.empty();
            }
        }

        void record(String accountId) {
            unfinished.forEach((region, parts) -> run.coverage().record(accountId, region, "scan", DEADLINE_API,
                    CoverageStatus.TIMEOUT, String.join(", ", parts) + " " + reason));
        }
    }

    private RegionInventory region(String accountId, String region, AccountClients clients, Semaphore callBudget) {
        Region r = Region.of(region);
        ApiCaller calls = run.calls(clients, region);
        var functions = new FunctionCollector(clients.client(LambdaClient.class, LambdaClient::builder, r),
                clients.client(ResourceGroupsTaggingApiClient.class, ResourceGroupsTaggingApiClient::builder, r),
                calls, run.screen(), callBudget, run.plan()).collect();
        Set<String> subnets = new LinkedHashSet<>();
        functions.functions().stream().filter(LambdaFunction::vpcAttached).forEach(f -> subnets.addAll(f.vpc().subnetIds()));
        var network = new NetworkCollector(clients.client(Ec2Client.class, Ec2Client::builder, r), calls)
                .collect(subnets);
        var withVpcIds = functions.functions().stream().map(f -> withResolvedVpc(f, network)).toList();
        var profiles = new SigningCollector(clients.client(SignerClient.class, SignerClient::builder, r), calls)
                .collect(functions.codeSigningConfigs());
        Supplier<AuditCollector> auditCollector = () -> new AuditCollector(
                clients.client(ConfigClient.class, ConfigClient::builder, r),
                clients.client(AccessAnalyzerClient.class, AccessAnalyzerClient::builder, r),
                calls);
        var audit = !functions.functions().isEmpty() ? auditCollector.get().collect()
                : run.analyzerOwners().contains(accountId) ? auditCollector.get().analyzersOnly()
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

    private IamCollector iamCollector(AccountClients clients) {
        return new IamCollector(clients.client(IamClient.class, IamClient::builder, ClientFactory.GLOBAL),
                run.calls(clients, Coverage.GLOBAL), run.awsManaged());
    }

    private List<AuditPosture.Trail> trails(String discoveryRegion, AccountClients clients) {
        Function<String, CloudTrailClient> inRegion =
                region -> clients.client(CloudTrailClient.class, CloudTrailClient::builder, Region.of(region));
        return new TrailCollector(inRegion.apply(discoveryRegion), inRegion, run.calls(clients, Coverage.GLOBAL)).collect();
    }
}
