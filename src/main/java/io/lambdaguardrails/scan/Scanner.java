package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.AwsFailure;
import io.lambdaguardrails.aws.AccountClients;
import io.lambdaguardrails.aws.AccountCredentials;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.aws.Reachability;
import io.lambdaguardrails.aws.SharedClients;
import io.lambdaguardrails.inventory.AccountCollector;
import io.lambdaguardrails.inventory.ApiCaller;
import io.lambdaguardrails.inventory.AwsManagedPolicies;
import io.lambdaguardrails.inventory.CollectionPlan;
import io.lambdaguardrails.inventory.CollectionRun;
import io.lambdaguardrails.inventory.CoverageLog;
import io.lambdaguardrails.inventory.OrgCollector;
import io.lambdaguardrails.inventory.SecretScreen;
import io.lambdaguardrails.inventory.UnsupportedApis;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.OrgContext;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scans the accounts a request names: reads the organisation with the caller's credentials, then collects every
 * target account on its own virtual thread — at most {@code maxConcurrentAccounts} at once, each under its own
 * deadline. One account's failure is recorded as coverage and never stops another.
 */
public final class Scanner {

    private static final Logger LOG = Logger.getLogger(Scanner.class);
    static final String DISCOVERY_DEADLINE_API = "scan:DiscoveryDeadline";

    private final ClientFactory clients;
    private final AwsCredentialsProvider caller;
    private final Region home;
    private final SecretScreen screen;
    private final Clock clock;

    public Scanner(ClientFactory clients, AwsCredentialsProvider caller, Region home, SecretScreen screen, Clock clock) {
        this.clients = clients;
        this.caller = caller;
        this.home = home;
        this.screen = screen;
        this.clock = clock;
    }

    /** Collects everything any rule may need. */
    public Snapshot scan(ScanRequest request, String runId, ScanDeadline scanDeadline, ScanListener listener) {
        return scan(request, runId, scanDeadline, listener, CollectionPlan.EVERYTHING);
    }

    /**
     * @param scanDeadline when the scan stops starting accounts (e.g. before Lambda's own timeout); read as each
     *                     account starts, so a deadline brought forward during the scan (a daemon asked to stop)
     *                     stops the accounts not yet started. Accounts not started by then are recorded as TIMEOUT.
     * @param plan         the optional reads the evaluated rules need
     */
    public Snapshot scan(ScanRequest request, String runId, ScanDeadline scanDeadline, ScanListener listener,
                         CollectionPlan plan) {
        Objects.requireNonNull(scanDeadline, "scanDeadline: pass ScanDeadline.none() when only account deadlines apply");
        TargetResolver.validate(request);
        CoverageLog coverage = new CoverageLog();
        UnsupportedApis unsupported = new UnsupportedApis();
        try (StsClient sts = clients.client(StsClient::builder, home, caller);
             SharedClients shared = new SharedClients(clients)) {
            GetCallerIdentityResponse identity = identity(sts);
            String callerAccount = identity.account();
            AccountClients management = shared.forAccount(callerAccount, caller);
            OrgContext org = discoverOrganization(request, callerAccount,
                    new OrgCollector(management.client(OrganizationsClient.class, OrganizationsClient::builder, ClientFactory.GLOBAL),
                            new ApiCaller(management, Coverage.GLOBAL, coverage, unsupported)),
                    coverage);
            List<String> targets = TargetResolver.resolve(request, org, callerAccount);
            listener.targetsResolved(targets.size());
            LOG.infof("run %s: scanning %d account(s) in %s as %s", runId, targets.size(),
                    request.regions().isEmpty() ? home.id() : String.join(",", request.regions()), identity.arn());

            var collector = new AccountCollector(new CollectionRun(home, coverage, unsupported, screen,
                    new AwsManagedPolicies(), plan, org == null ? Set.of() : Set.copyOf(org.analyzerOwners())));
            var run = new Run(request, runId, scanDeadline, listener, callerAccount, org, sts, shared, collector, coverage);
            List<AccountInventory> accounts = run.scanAccounts(targets);
            OrgContext context = org != null ? org : OrgContext.unavailable(accounts.stream()
                    .map(a -> new OrgAccount(a.accountId(), a.accountName(), OrgAccount.Status.ACTIVE, List.of(a.accountId()), "", Map.of()))
                    .toList());
            return new Snapshot(Snapshot.SCHEMA_VERSION, runId, clock.instant(), callerAccount, identity.arn(), context, accounts,
                    coverage.entries());
        }
    }

    /**
     * Reads the organisation within its own deadline, as long as one account gets, so a hanging Organizations API
     * costs that long: the accounts it would have named are then not scanned, and coverage says why. The scan deadline
     * does not cut it short: it stops accounts from starting, and those accounts still need their names and tags.
     */
    private OrgContext discoverOrganization(ScanRequest request, String callerAccount, OrgCollector collector,
                                            CoverageLog coverage) {
        Instant deadline = clock.instant().plus(request.accountTimeout());
        // A thread of its own rather than an executor, whose close would wait for a call that does not answer.
        FutureTask<OrgContext> discovery = new FutureTask<>(collector::collect);
        Thread.ofVirtual().name("organisation-discovery").start(discovery);
        try {
            long waitMillis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            return discovery.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            discovery.cancel(true);
            coverage.record(callerAccount, Coverage.GLOBAL, OrgCollector.NAME, DISCOVERY_DEADLINE_API,
                    CoverageStatus.TIMEOUT, "organisation not read before the discovery deadline");
            return null;
        } catch (InterruptedException e) {
            discovery.cancel(true);
            Thread.currentThread().interrupt();
            throw new ScanException("scan interrupted");
        } catch (ExecutionException e) {
            coverage.record(callerAccount, Coverage.GLOBAL, OrgCollector.NAME, DISCOVERY_DEADLINE_API,
                    CoverageStatus.ERROR, "discovery failed: " + e.getCause().getClass().getSimpleName());
            return null;
        }
    }

    private GetCallerIdentityResponse identity(StsClient sts) {
        try {
            return sts.getCallerIdentity();
        } catch (RuntimeException e) {
            var unreachable = Reachability.problem(e, clients.settings().endpoint());
            if (unreachable.isPresent()) {
                throw new ScanException("cannot reach AWS: " + unreachable.get()
                        + (clients.settings().endpoint() == null ? "; check the network and proxy settings"
                        : "; check --endpoint-url (or AWS_ENDPOINT_URL)"));
            }
            throw new ScanException("cannot determine who is calling AWS (" + Reachability.describe(e, null)
                    + "): configure credentials (AWS_PROFILE, environment variables or SSO) and a region");
        }
    }

    /**
     * One run's accounts: what the request asks, who is calling, the organisation read for it, and the clients and
     * coverage every account of the run shares.
     */
    private final class Run {
        private final ScanRequest request;
        private final String runId;
        private final ScanDeadline scanDeadline;
        private final ScanListener listener;
        private final String callerAccount;
        private final OrgContext org;
        private final StsClient sts;
        private final SharedClients shared;
        private final AccountCollector collector;
        private final CoverageLog coverage;

        Run(ScanRequest request, String runId, ScanDeadline scanDeadline, ScanListener listener, String callerAccount,
            OrgContext org, StsClient sts, SharedClients shared, AccountCollector collector, CoverageLog coverage) {
            this.request = request;
            this.runId = runId;
            this.scanDeadline = scanDeadline;
            this.listener = listener;
            this.callerAccount = callerAccount;
            this.org = org;
            this.sts = sts;
            this.shared = shared;
            this.collector = collector;
            this.coverage = coverage;
        }

        List<AccountInventory> scanAccounts(List<String> targets) {
            Semaphore slots = new Semaphore(request.maxConcurrentAccounts());
            AtomicInteger done = new AtomicInteger();
            Map<String, AccountInventory> results = new ConcurrentHashMap<>();
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> futures = new ArrayList<>();
                for (String accountId : targets) {
                    String name = org == null ? accountId : org.account(accountId).map(OrgAccount::name).orElse(accountId);
                    futures.add(executor.submit(() -> {
                        slots.acquireUninterruptibly();
                        try {
                            listener.accountStarted(accountId);
                            AccountInventory inventory = scanAccountAsData(accountId, name);
                            results.put(accountId, inventory);
                            listener.accountFinished(inventory, outcome(inventory), done.incrementAndGet(), targets.size());
                        } finally {
                            slots.release();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ScanException("scan interrupted");
                    } catch (ExecutionException e) {
                        throw new IllegalStateException("account task failed outside its own error handling", e.getCause());
                    }
                }
            }
            return results.values().stream().sorted(Comparator.comparing(AccountInventory::accountId)).toList();
        }

        /**
         * An unexpected failure in one account's scan is that account's coverage ERROR, never a missing account and
         * never the end of the other accounts' scans.
         */
        private AccountInventory scanAccountAsData(String accountId, String name) {
            Instant started = clock.instant();
            try {
                return scanAccount(accountId, name);
            } catch (RuntimeException e) {
                LOG.errorf(e, "account %s: scan failed", accountId);
                coverage.record(accountId, Coverage.GLOBAL, "scan", "scan:Account", CoverageStatus.ERROR,
                        "scan of the account failed: " + e.getClass().getSimpleName());
                return notEvaluable(accountId, name, started);
            }
        }

        private AccountInventory scanAccount(String accountId, String name) {
            Instant started = clock.instant();
            Instant deadline = started.plus(request.accountTimeout());
            Instant scanEnd = scanDeadline.instant();
            if (scanEnd != null && scanEnd.isBefore(deadline)) {
                deadline = scanEnd;
            }
            if (!started.isBefore(deadline)) {
                coverage.record(accountId, Coverage.GLOBAL, "scan", AccountCollector.DEADLINE_API, CoverageStatus.TIMEOUT,
                        "not started before the scan deadline");
                return notEvaluable(accountId, name, started);
            }
            if (accountId.equals(callerAccount)) {
                return collector.collect(accountId, name, shared.forAccount(accountId, caller), request.regions(), deadline);
            }
            String roleArn = request.roleArnFor(accountId);
            Instant accountDeadline = deadline;
            try (StsAssumeRoleCredentialsProvider member = AccountCredentials.assumeRole(sts, roleArn, request.externalId(),
                    runId, () -> Duration.between(clock.instant(), accountDeadline))) {
                try {
                    member.resolveCredentials();
                } catch (RuntimeException e) {
                    AwsFailure failure = AwsFailure.of(e);
                    coverage.record(accountId, Coverage.GLOBAL, "sts", "sts:AssumeRole", failure.status(),
                            failure.message() + " assuming " + roleArn);
                    LOG.warnf("account %s: cannot assume %s (%s)", accountId, roleArn, failure.message());
                    return notEvaluable(accountId, name, started);
                }
                coverage.ok(accountId, Coverage.GLOBAL, "sts", "sts:AssumeRole");
                return collector.collect(accountId, name, shared.forAccount(accountId, member), request.regions(), deadline);
            }
        }

        private AccountOutcome outcome(AccountInventory inventory) {
            if (coverage.timedOut(inventory.accountId())) {
                return AccountOutcome.TIMED_OUT;
            }
            return inventory.evaluable() ? AccountOutcome.SCANNED : AccountOutcome.NOT_ENTERED;
        }

        private AccountInventory notEvaluable(String accountId, String name, Instant started) {
            return new AccountInventory(accountId, name, false, started, clock.instant(), null, null, List.of());
        }
    }
}
