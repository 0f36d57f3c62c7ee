package io.lambdaguardrails.job;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.inventory.CollectionPlan;
import io.lambdaguardrails.inventory.OrgCollector;
import io.lambdaguardrails.inventory.SecretScreen;
import io.lambdaguardrails.inventory.secrets.FingerprintKey;
import io.lambdaguardrails.inventory.secrets.SecretDetector;
import io.lambdaguardrails.inventory.secrets.SecretFingerprint;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.integrations.Integrations;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.rules.Evaluation;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.scan.AccountOutcome;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanException;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Scanner;
import io.lambdaguardrails.scan.TargetResolver;
import io.lambdaguardrails.sink.OutputCheck;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.PublishStopped;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One run of the pipeline for any entry point (CLI, Lambda, daemon): scan, evaluate, publish, and decide the exit
 * status.
 */
public final class ScanJob {

    private final Scanner scanner;
    private final Clock clock;
    private final ScanResult.Tool tool;
    private final ReportDelivery delivery;
    private final S3Access s3;
    private final Integrations integrations;

    /**
     * The job every entry point runs: scanning as {@code caller} through {@code clients}, screening secrets with this
     * installation's fingerprint key, reporting with the caller's S3 access.
     */
    public static ScanJob create(ClientFactory clients, AwsCredentialsProvider caller, Region home, S3Access s3) {
        var screen = new SecretScreen(new SecretDetector(), new SecretFingerprint(FingerprintKey.load()));
        return new ScanJob(new Scanner(clients, caller, home, screen, Clock.systemUTC()), Clock.systemUTC(),
                ScanResult.Tool.current(), s3, Integrations.of(clients, caller));
    }

    /** @param s3 the caller's S3 client and presigner, for {@code s3://} outputs and baselines */
    public ScanJob(Scanner scanner, Clock clock, ScanResult.Tool tool, S3Access s3) {
        this(scanner, clock, tool, s3, null);
    }

    /** @param integrations Security Hub and notification clients; null when the job is never asked for them */
    public ScanJob(Scanner scanner, Clock clock, ScanResult.Tool tool, S3Access s3, Integrations integrations) {
        this.scanner = scanner;
        this.clock = clock;
        this.tool = tool;
        this.delivery = new ReportDelivery(s3);
        this.s3 = s3;
        this.integrations = integrations;
    }

    /**
     * @param scanDeadline when the scan stops starting accounts ({@link ScanDeadline#at} Lambda's remaining time less
     *                     a margin); may be brought forward while the scan runs (a daemon asked to stop)
     */
    public JobOutcome run(ScanRequest request, JobOptions options, ScanListener listener, ScanDeadline scanDeadline) {
        return run(request, options, listener, scanDeadline, StopRequest.none());
    }

    /**
     * @param stop a request to end the run early (a signal): before publishing the run is abandoned, during
     *             publishing it ends at a consistent point (see {@link StopRequest})
     * @throws RunStopped when {@code stop} was requested before the reports were out
     */
    public JobOutcome run(ScanRequest request, JobOptions options, ScanListener listener, ScanDeadline scanDeadline,
                          StopRequest stop) {
        try {
            return runListened(request, options, listener, scanDeadline, stop);
        } finally {
            listener.finished();
        }
    }

    private JobOutcome runListened(ScanRequest request, JobOptions options, ScanListener listener,
                                   ScanDeadline scanDeadline, StopRequest stop) {
        TargetResolver.validate(request);
        requireSharedRun(request, options);
        Instant started = clock.instant();
        String runId = options.runId() != null ? options.runId() : RunId.at(started);
        // Built before scanning, so a bad --rules pattern fails in a second rather than after the scan.
        RuleEngine engine = options.config().engine(RuleCatalogue.all(), request.rules());
        Snapshot snapshot;
        String inventoryProblem;
        try {
            stop.scanningOn(Thread.currentThread());
            snapshot = scanner.scan(request, runId, scanDeadline, checkingOutputFirst(listener, options.report()),
                    CollectionPlan.reading(engine.rules().stream().flatMap(r -> r.reads().stream()).toList()));
            // Best effort: the inventory is an extra; failing to save it must not cost the run its reports.
            inventoryProblem = options.saveInventory() == null ? null : save(snapshot, options);
        } catch (RuntimeException e) {
            if (stop.requested()) {
                throw abandoned(stop);
            }
            throw e;
        }
        return evaluate(snapshot, request, engine, options, started, inventoryProblem, stop, listener);
    }

    /** Evaluates and publishes an inventory collected earlier ({@code evaluate --inventory}), without touching AWS. */
    public JobOutcome evaluate(Snapshot snapshot, ScanRequest request, JobOptions options) {
        return evaluate(snapshot, request, options.config().engine(RuleCatalogue.all(), request.rules()), options,
                clock.instant(), null, StopRequest.none(), ScanListener.NONE);
    }

    /** @param inventoryProblem why {@code --save-inventory} could not be written, or null */
    private JobOutcome evaluate(Snapshot snapshot, ScanRequest request, RuleEngine engine, JobOptions options,
                                Instant started, String inventoryProblem, StopRequest stop,
                                ScanListener listener) {
        listener.evaluating();
        Evaluation evaluation = engine.evaluateAll(snapshot, LocalDate.ofInstant(started, ZoneOffset.UTC));
        ScanResult result = ScanResults.of(snapshot, request, started, clock.instant(), tool, evaluation,
                engine.rules().stream().map(Rule::meta).toList(), options.config().risk());
        if (!stop.startPublishing()) {
            throw abandoned(stop);
        }
        listener.writingReports();
        ReportDelivery.Outcome report;
        try {
            report = delivery.deliver(result, options.report(), stop::requested);
        } catch (PublishStopped e) {
            throw new RunStopped("stopped by " + stop.reason() + " while publishing run " + result.runId() + ": "
                    + e.getMessage() + "; latest/ still holds the previous run");
        }
        if (inventoryProblem != null) {
            report = report.withWarning(inventoryProblem);
        }
        // Stopped after latest/ was replaced: the reports are out; nothing new is started.
        List<String> failures = stop.requested() ? List.of() : integrate(report, options);
        for (String failure : failures) {
            report = report.withWarning(failure);
        }
        return new JobOutcome(report.published(), report.publication().location(),
                status(report.published(), options,
                        report.delivered() && inventoryProblem == null && failures.isEmpty()), report);
    }

    /** The scan was cut short: nothing was published, and the interrupt that ended it is spent. */
    private static RunStopped abandoned(StopRequest stop) {
        Thread.interrupted();
        return new RunStopped("stopped by " + stop.reason() + " before publishing: the scan was abandoned and "
                + "nothing was written; latest/ still holds the previous run");
    }

    /**
     * Security Hub and notifications, after the reports are out (the notification links to them). A shard's partial
     * result is neither: the merged run is.
     */
    private List<String> integrate(ReportDelivery.Outcome report, JobOptions options) {
        if (!options.integrations().any() || options.report().mode() == PublishMode.PARTIAL) {
            return List.of();
        }
        if (integrations == null) {
            return List.of("Security Hub and notifications are not available to this job");
        }
        return integrations.deliver(options.integrations(), report);
    }

    /**
     * A shard's result is only useful merged with its siblings': it must be written as a partial result (never
     * latest/, never compared) under the run id all shards share, which is where merge looks for it.
     */
    private static void requireSharedRun(ScanRequest request, JobOptions options) {
        if (request.shard() != null && (options.runId() == null || options.report().mode() != PublishMode.PARTIAL)) {
            throw new ScanException("a shard (" + request.shard() + ") writes a partial result under the run id its "
                    + "sibling shards share: give --run-id and --partial (and merge the shards with 'merge --run-id')");
        }
    }

    /**
     * Checks the output once the targets are known and before the first account is scanned: a target error is
     * reported first, and an output that cannot take the reports costs seconds, not a scan.
     */
    private ScanListener checkingOutputFirst(ScanListener listener, ReportDelivery.Options report) {
        return new ScanListener() {
            @Override
            public void targetsResolved(int accounts) {
                OutputCheck.problem(report, s3).ifPresent(problem -> {
                    throw new ScanException(problem);
                });
                listener.targetsResolved(accounts);
            }

            @Override
            public void accountStarted(String accountId) {
                listener.accountStarted(accountId);
            }

            @Override
            public void accountFinished(AccountInventory account, AccountOutcome outcome, int done, int total) {
                listener.accountFinished(account, outcome, done, total);
            }
        };
    }

    /** @return null when saved, otherwise what went wrong (the run then ends with exit 4, its reports published) */
    private static String save(Snapshot snapshot, JobOptions options) {
        try {
            if (options.saveInventory().getParent() != null) {
                Files.createDirectories(options.saveInventory().getParent());
            }
            SavedInventory.write(options.saveInventory(), snapshot);
            return null;
        } catch (IOException e) {
            return "the inventory could not be saved to " + options.saveInventory() + " (" + e + ")";
        }
    }

    static ExitStatus status(ScanResult result, JobOptions options, boolean delivered) {
        boolean overThreshold = options.failOn() != null && result.findings().stream()
                .anyMatch(f -> f.open() && f.severity().atLeast(options.failOn()));
        boolean newOverThreshold = options.failOnNew() != null && result.findings().stream()
                .anyMatch(f -> f.open() && f.baseline() == Baseline.NEW && f.severity().atLeast(options.failOnNew()));
        boolean incomplete = result.coverage().stream().anyMatch(c -> c.status().incomplete()
                && (result.request().discovers() || !result.request().accountTags().isEmpty() || !isOrganizationRead(c)))
                || result.notEvaluated().stream().anyMatch(n -> n.ruleId() != null);
        return ExitStatus.worst(
                delivered ? ExitStatus.OK : ExitStatus.NOT_DELIVERED,
                overThreshold || newOverThreshold ? ExitStatus.FINDINGS : ExitStatus.OK,
                incomplete ? ExitStatus.INCOMPLETE : ExitStatus.OK);
    }

    /**
     * Without --org/--ou/--account-tag, Organizations is read only for context (account names, the org's boundary); failing to
     * read it is reported but does not make the scan of the named accounts incomplete.
     */
    private static boolean isOrganizationRead(Coverage c) {
        return OrgCollector.NAME.equals(c.collector());
    }
}
