package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.RunMetrics;
import io.lambdaguardrails.job.RunStopped;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.job.StopRequest;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.TargetResolver;
import io.lambdaguardrails.sink.Baselines;
import io.lambdaguardrails.sink.PublishMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "scan", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Scan accounts for Lambda governance findings and write the reports.",
                "Without a target option, scans the account of the current credentials."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails scan --org --regions eu-west-1,us-east-1 --output s3://my-bucket/guardrails --fail-on high",
                "  lambda-guardrails scan --org --role-name OrganizationAccountAccessRole --fail-on-new high   (members without the read-only role)",
                "  lambda-guardrails scan --accounts 111111111111,222222222222 --regions all --output ./reports"})
public class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScanOptions targets;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when open findings reach this severity: ${COMPLETION-CANDIDATES} (any case).")
    Severity failOn;

    @Option(names = "--fail-on-new", paramLabel = "SEVERITY", description = "Exit 1 when findings NEW since the baseline (open, not suppressed) reach this severity; existing ones do not count. For CI gates that accept today's debt.")
    Severity failOnNew;

    @Option(names = "--save-inventory", paramLabel = "FILE", description = "Also write the collected inventory (snapshot) as JSON, for 'evaluate' later.")
    Path saveInventory;

    @Mixin
    ReportOptions report;

    @Mixin
    IntegrationCliOptions integrations;

    @Mixin
    AwsOptions aws;

    @Option(names = "--shard", paramLabel = "i/n", description = "Scan only the i-th of n disjoint parts of the target accounts (0-based; an account goes to part id mod n). Shards of one run share --run-id and write with --partial; 'merge' combines them.")
    String shard;

    @Option(names = "--run-id", paramLabel = "ID", description = "Use this run id instead of a new one (shards of one run share it), e.g. 20261128T020000Z-nightly.")
    String runId;

    @Mixin
    RuleOptions rules;

    @Mixin
    ConsoleOptions console;

    @Override
    public Integer call() {
        console.apply();
        var request = targets.request(shard, rules.patterns());
        TargetResolver.validate(request);
        if (runId != null && !RunId.valid(runId)) {
            throw new ParameterException(spec.commandLine(), "--run-id must look like 20261128T020000Z-suffix (UTC start, then letters or digits), got '" + runId + "'");
        }
        var reportOptions = report.toOptions();
        var options = new JobOptions(reportOptions, failOn, saveInventory, rules.load(), runId, failOnNew,
                integrations.toOptions(aws.homeRegion(), reportOptions.mode() == PublishMode.PARTIAL));
        if (failOnNew != null && (reportOptions.mode() == PublishMode.PARTIAL
                || Baselines.NONE.equals(reportOptions.baseline()))) {
            throw new ParameterException(spec.commandLine(), "--fail-on-new compares with the last run: it cannot be "
                    + "used with --baseline none or --partial (gate the merged result instead)");
        }
        StopRequest stop = StopRequest.none();
        try (ClientFactory clients = new ClientFactory(aws.settings());
             DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
             StopOnSignal signals = StopOnSignal.install(stop)) {
            ScanJob job = ScanJob.create(clients, credentials, aws.homeRegion(), aws.s3(clients, credentials));
            JobOutcome outcome;
            try {
                outcome = job.run(request, options, console.progress(), ScanDeadline.none(), stop);
            } catch (RunStopped e) {
                spec.commandLine().getErr().println(e.getMessage());
                spec.commandLine().getErr().flush();
                return signals.exitCode();
            }
            if (console.jsonLogs()) {
                spec.commandLine().getOut().println(RunMetrics.emf(outcome, clients.apiCalls(), Instant.now()));
            }
            console.printOutcome(spec.commandLine().getOut(), outcome);
            if (stop.requested()) {
                spec.commandLine().getErr().println("stopped by " + stop.reason() + " after publishing run "
                        + outcome.result().runId() + " completely");
                spec.commandLine().getErr().flush();
                return signals.exitCode();
            }
            return outcome.status().code();
        }
    }
}
