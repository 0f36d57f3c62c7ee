package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.job.ExitStatus;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ShardMerge;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.ReportFiles;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.sink.SinkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.PrintWriter;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

@Command(name = "merge", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Combine the partial results of a sharded scan (scan --shard i/n --partial) into one result and "
                + "publish it like a scan: run folder, then latest/, compared with the baseline."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails merge s3://my-bucket/guardrails-shards/20261128/ --output s3://my-bucket/guardrails",
                "  lambda-guardrails merge shard-0/findings.json shard-1/findings.json --output ./reports",
                "Exit codes: 0 done, 2 usage error or unreadable input, 4 not delivered (saved to a local fallback)."})
public class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FINDINGS", description = "Partial results: findings.json files or s3://bucket/key objects; a folder or an s3:// URI ending in / stands for every findings.json below it.")
    List<String> inputs;

    @Mixin
    ReportOptions report;

    @Mixin
    AwsOptions aws;

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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportDelivery.Options options = report.toOptions();
        try (ClientFactory clients = new ClientFactory(aws.settings());
             CallerCredentials caller = new CallerCredentials(credentials)) {
            S3Access s3 = aws.s3(clients, caller.credentials());
            var files = new ReportFiles(s3);
            List<String> locations = inputs.stream().flatMap(input -> files.expand(input).stream()).distinct().toList();
            if (locations.isEmpty()) {
                err.println("error: no findings.json found in " + String.join(", ", inputs));
                return ExitStatus.USAGE.code();
            }
            ScanResult merged = ShardMerge.merge(locations.stream().map(files::read).toList());
            out.printf("Merged %d result(s) into run %s: %d account(s), %d finding(s)%n", locations.size(),
                    merged.runId(), merged.accounts().size(), merged.findings().size());
            ReportDelivery.Outcome outcome = new ReportDelivery(s3).deliver(merged, options);
            ReportPrinter.print(out, outcome);
            return outcome.delivered() ? ExitStatus.OK.code() : ExitStatus.NOT_DELIVERED.code();
        } catch (IllegalArgumentException | NoSuchElementException | FindingsJson.InvalidFindingsException e) {
            err.println("error: " + e.getMessage());
            return ExitStatus.USAGE.code();
        } catch (SinkException e) {
            err.println("error: " + e.getMessage());
            return ExitStatus.NOT_DELIVERED.code();
        }
    }
}
