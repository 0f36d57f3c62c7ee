package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.daemon.Schedule;
import io.lambdaguardrails.daemon.ScanDaemon;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.scan.LoggingScanListener;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.PublishMode;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;

@Command(name = "daemon", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Stay running and scan on a schedule, one run at a time (a run still going when the next is due "
                + "skips that one). Each run gets a new run id and is published like a scan: run folder, then latest/.",
                "SIGTERM stops it gracefully: the run in progress starts no further account, finishes or abandons the "
                        + "running ones at --account-timeout, and publishes what it has."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails daemon --cron \"0 2 * * *\" --org --regions all --output s3://my-bucket/guardrails",
                "  lambda-guardrails daemon --every 6h --accounts 111111111111 --output ./reports --log-format json"})
public class DaemonCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cron", paramLabel = "EXPR", description = "Unix cron expression of the runs: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\" for 02:00 daily.")
    String cron;

    @Option(names = "--every", paramLabel = "DURATION", description = "Run at this interval instead, e.g. 6h; the first run starts at once.", converter = DurationConverter.class)
    Duration every;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "Time zone of --cron, e.g. Europe/Paris (default: ${DEFAULT-VALUE}).", defaultValue = "UTC")
    String timeZone;

    @Mixin
    ScanOptions targets;

    @Mixin
    ReportOptions report;

    @Mixin
    IntegrationCliOptions integrations;

    @Mixin
    AwsOptions aws;

    @Mixin
    RuleOptions rules;

    @Mixin
    ConsoleOptions console;

    @Inject
    ScanDaemon daemon;

    @Override
    public Integer call() {
        console.apply();
        Schedule schedule = schedule();
        var reportOptions = report.toOptions();
        var options = new JobOptions(reportOptions, null, null, rules.load(), null, null,
                integrations.toOptions(aws.homeRegion(), reportOptions.mode() == PublishMode.PARTIAL));
        ScanRequest request = targets.request(null, rules.patterns());
        ScanListener listener = console.quiet() ? ScanListener.NONE : new LoggingScanListener();
        try (ClientFactory clients = new ClientFactory(aws.settings());
             DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            ScanJob job = ScanJob.create(clients, credentials, aws.homeRegion(), aws.s3(clients, credentials));
            try {
                daemon.start(schedule, deadline -> job.run(request, options, listener, deadline));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--cron '" + cron + "': " + e.getMessage());
            }
            Quarkus.waitForExit();
            // The shutdown hook stops the daemon too; waiting here as well keeps the AWS clients open until the run
            // in progress has published.
            daemon.stop();
            return ExitStatus.OK.code();
        }
    }

    private Schedule schedule() {
        try {
            return new Schedule(cron, every, ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--time-zone '" + timeZone + "' is not a time zone (e.g. UTC, Europe/Paris)");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
