package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.job.MergeJob;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.sink.ReportDelivery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "merge", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Combine the partial results of a sharded scan into one result and publish it like a scan: run "
                + "folder, then latest/, compared with the baseline.",
                "With --run-id and --shards, waits for the N shards (scan --shard i/N --run-id ID --partial) to write "
                        + "their completion markers at the output, and publishes nothing if one is still missing."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails merge --run-id 20261128T020000Z-nightly --shards 4 --wait 60m --output s3://my-bucket/guardrails",
                "  lambda-guardrails merge shard-0/findings.json shard-1/findings.json --output ./reports",
                "Exit codes: 0 done, 2 usage error or unreadable input, 4 not delivered (a shard missing at the end of "
                        + "--wait, or the reports saved to a local fallback)."})
public class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FINDINGS", description = "Partial results: findings.json files or s3://bucket/key objects; a folder or an s3:// URI ending in / stands for every findings.json below it. Not with --run-id.")
    List<String> inputs = List.of();

    @Option(names = "--run-id", paramLabel = "ID", description = "Merge the shards of this run, read from shards/<ID>/ at --output.")
    String runId;

    @Option(names = "--shards", paramLabel = "N", description = "How many shards the run has (the n of --shard i/n); every one must have completed.")
    Integer shards;

    @Option(names = "--wait", paramLabel = "DURATION", description = "How long to wait for shards that have not completed yet, e.g. 60m (default: ${DEFAULT-VALUE}, look once).", defaultValue = "0s", converter = DurationConverter.class)
    Duration wait;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "How often to look for completed shards while waiting (default: ${DEFAULT-VALUE}).", defaultValue = "15s", converter = DurationConverter.class)
    Duration pollInterval;

    @Mixin
    ReportOptions report;

    @Mixin
    AwsOptions aws;

    @Mixin
    ConsoleOptions console;

    private final AwsCredentialsProvider credentials;

    public MergeCommand() {
        this(null);
    }

    /** @param credentials the caller's credentials; null for the default chain */
    MergeCommand(AwsCredentialsProvider credentials) {
        this.credentials = credentials;
    }

    @Override
    public Integer call() {
        console.apply();
        validate();
        PrintWriter out = spec.commandLine().getOut();
        ReportDelivery.Options options = report.toOptions();
        try (ClientFactory clients = new ClientFactory(aws.settings());
             CallerCredentials caller = new CallerCredentials(credentials)) {
            MergeJob job = new MergeJob(aws.s3(clients, caller.credentials()), Clock.systemUTC());
            MergeJob.Merged merged = runId != null
                    ? job.mergeRun(runId, shards, wait, pollInterval, options)
                    : job.merge(inputs, options);
            print(out, merged);
            return merged.outcome().status().code();
        }
    }

    /** What was merged, then where it went: text for a person, JSON lines with {@code --log-format json}. */
    private void print(PrintWriter out, MergeJob.Merged merged) {
        ScanResult result = merged.merged();
        String line = String.format("Merged %d result(s) into run %s: %d account(s), %d finding(s)", merged.parts(),
                result.runId(), result.accounts().size(), result.findings().size());
        if (console.jsonLogs()) {
            if (!console.quiet()) {
                out.println(JsonLogFormatter.line(Instant.now(), "INFO", line, Map.of("parts", merged.parts())));
            }
            JsonSummary.print(out, merged.outcome(), console.quiet());
        } else {
            out.println(line);
            ReportPrinter.print(out, merged.outcome().report(), Terminal.interactive());
        }
    }

    /** Either files to merge, or a run id and its shard count. */
    private void validate() {
        if (runId == null) {
            if (inputs.isEmpty()) {
                throw usage("name the partial results to merge, or give --run-id and --shards");
            }
            if (shards != null) {
                throw usage("--shards goes with --run-id");
            }
            return;
        }
        if (!inputs.isEmpty()) {
            throw usage("give either findings.json inputs or --run-id, not both");
        }
        if (!RunId.valid(runId)) {
            throw usage("--run-id must look like 20261128T020000Z-suffix (UTC start, then letters or digits), got '" + runId + "'");
        }
        if (shards == null || shards < 1) {
            throw usage("--run-id needs --shards N, the number of shards of the run (at least 1)");
        }
        if (pollInterval.isZero() || pollInterval.isNegative()) {
            throw usage("--poll-interval must be positive");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
