package io.lambdaguardrails.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.SavedInventory;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.JsonFileKind;
import io.lambdaguardrails.scan.ScanRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Evaluate the rules on a saved inventory, without calling AWS, and write the reports.",
                "Try a new configuration or waiver on an inventory written by 'scan --save-inventory'."})
public class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--inventory", required = true, paramLabel = "FILE", description = "A snapshot written by scan --save-inventory.")
    Path inventory;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when open findings reach this severity: ${COMPLETION-CANDIDATES} (any case).")
    Severity failOn;

    @Mixin
    RuleOptions rules;

    @Mixin
    ReportOptions report;

    @Mixin
    AwsOptions aws;

    @Mixin
    ConsoleOptions console;

    @Override
    public Integer call() {
        console.apply();
        Snapshot snapshot = read();
        var request = ScanRequest.builder()
                .accounts(snapshot.accounts().stream().map(AccountInventory::accountId).toArray(String[]::new))
                .rules(rules.patterns().toArray(String[]::new))
                .build();
        var options = new JobOptions(report.toOptions(), failOn, null, rules.load(), null);
        try (ClientFactory clients = new ClientFactory(aws.settings());
             DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            ScanJob job = ScanJob.create(clients, credentials, aws.homeRegion(), aws.s3(clients, credentials));
            JobOutcome outcome = job.evaluate(snapshot, request, options);
            console.printOutcome(spec.commandLine().getOut(), outcome);
            return outcome.status().code();
        }
    }

    /** The inventory, or a usage error that names the file and what is wrong with it. */
    private Snapshot read() {
        String what = "--inventory " + inventory + ": ";
        if (!Files.isRegularFile(inventory)) {
            throw new ParameterException(spec.commandLine(), what + (Files.isDirectory(inventory) ? "is a folder"
                    : "no such file") + "; give a file written by scan --save-inventory");
        }
        try {
            JsonFileKind kind = JsonFileKind.of(inventory);
            if (kind != JsonFileKind.INVENTORY) {
                throw new ParameterException(spec.commandLine(), what + "this is " + kind.description()
                        + (kind == JsonFileKind.OTHER ? "; evaluate reads a file written by scan --save-inventory" : ""));
            }
            return SavedInventory.read(inventory);
        } catch (SavedInventory.UnsupportedSchema e) {
            throw new ParameterException(spec.commandLine(), what + e.getMessage());
        } catch (JsonProcessingException e) {
            throw new ParameterException(spec.commandLine(), what + JsonFileKind.problem(e)
                    + "; expected a file written by scan --save-inventory");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), what + "cannot be read");
        }
    }
}
