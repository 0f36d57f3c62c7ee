package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "scan", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Scan accounts for Lambda governance findings and write the reports.",
                "Without a target option, scans the account of the current credentials."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  lambda-guardrails scan --org --role-name OrganizationAccountAccessRole --regions eu-west-1,us-east-1 \\",
                "      --output s3://my-bucket/guardrails --fail-on high",
                "  lambda-guardrails scan --accounts 111111111111,222222222222 --regions all --output ./reports"})
public class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--org", description = "Scan every ACTIVE account of the organisation (needs Organizations read access).")
    boolean org;

    @Option(names = "--accounts", split = ",", paramLabel = "ID", description = "Scan these accounts (comma-separated 12-digit ids).")
    List<String> accounts = List.of();

    @Option(names = "--ou", split = ",", paramLabel = "OU_ID", description = "Scan the accounts under these OUs, recursively (ou-… or r-…).")
    List<String> ous = List.of();

    @Option(names = "--exclude-accounts", split = ",", paramLabel = "ID", description = "Never scan these accounts.")
    List<String> excludeAccounts = List.of();

    @Option(names = "--account-tag", paramLabel = "KEY=VALUE", description = "Only accounts carrying this Organizations tag (repeatable; all must match).")
    Map<String, String> accountTags = Map.of();

    @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "Regions to scan, or 'all' for every region enabled in each account. Default: your configured region.")
    List<String> regions = List.of();

    @Option(names = "--role-name", paramLabel = "NAME", description = "Role assumed in member accounts (default: ${DEFAULT-VALUE}).", defaultValue = ScanRequest.DEFAULT_ROLE_NAME)
    String roleName;

    @Option(names = "--role-arn-template", paramLabel = "ARN", description = "Member role ARN with an {accountId} placeholder, for roles under a path: 'arn:aws:iam::{accountId}:role/security/Audit'. Wins over --role-name.")
    String roleArnTemplate;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the member role requires.")
    String externalId;

    @Option(names = "--max-concurrent-accounts", paramLabel = "N", description = "Accounts scanned at once (default: ${DEFAULT-VALUE}).", defaultValue = "" + ScanRequest.DEFAULT_MAX_CONCURRENT_ACCOUNTS)
    int maxConcurrentAccounts;

    @Option(names = "--account-timeout", paramLabel = "DURATION", description = "Deadline per account, e.g. 10m or 90s; unfinished regions are reported as TIMEOUT (default: ${DEFAULT-VALUE}).", defaultValue = "10m", converter = DurationConverter.class)
    Duration accountTimeout;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when open findings reach this severity: ${COMPLETION-CANDIDATES} (any case).")
    Severity failOn;

    @Option(names = "--save-inventory", paramLabel = "FILE", description = "Also write the collected inventory (snapshot) as JSON, for 'evaluate' later.")
    Path saveInventory;

    @Mixin
    ReportOptions report;

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
        if (runId != null && !RunId.valid(runId)) {
            throw new ParameterException(spec.commandLine(), "--run-id must look like 20261128T020000Z-suffix (UTC start, then letters or digits), got '" + runId + "'");
        }
        var options = new JobOptions(report.toOptions(), failOn, saveInventory, rules.load(), runId);
        var request = new ScanRequest(accounts, org, ous, excludeAccounts, accountTags, regions, roleName,
                roleArnTemplate, externalId, maxConcurrentAccounts, accountTimeout, shard, rules.patterns());
        try (ClientFactory clients = new ClientFactory(aws.settings());
             DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            ScanJob job = ScanJob.create(clients, credentials, aws.homeRegion(), aws.s3(clients, credentials));
            JobOutcome outcome = job.run(request, options, console.progress(), null);
            new RunSummary(spec.commandLine().getOut(), console.quiet()).print(outcome);
            return outcome.status().code();
        }
    }
}
