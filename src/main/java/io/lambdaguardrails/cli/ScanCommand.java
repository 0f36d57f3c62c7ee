package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.SecretScreen;
import io.lambdaguardrails.inventory.secrets.FingerprintKey;
import io.lambdaguardrails.inventory.secrets.SecretDetector;
import io.lambdaguardrails.inventory.secrets.SecretFingerprint;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.nio.file.Path;
import java.time.Clock;
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

    @Override
    public Integer call() {
        var reportOptions = report.toOptions();
        Region home = aws.homeRegion();
        var settings = aws.settings();
        var request = new ScanRequest(accounts, org, ous, excludeAccounts, accountTags, regions, roleName,
                roleArnTemplate, externalId, maxConcurrentAccounts, accountTimeout, null, List.of());
        try (ClientFactory clients = new ClientFactory(settings);
             DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            var screen = new SecretScreen(new SecretDetector(), new SecretFingerprint(FingerprintKey.load()));
            var job = new ScanJob(new Scanner(clients, credentials, home, screen, Clock.systemUTC()), Clock.systemUTC(),
                    new ScanResult.Tool("lambda-guardrails", VersionProvider.version()), aws.s3(clients, credentials));
            JobOutcome outcome = job.run(request, new JobOptions(reportOptions, failOn, saveInventory),
                    new LoggingScanListener(), null);
            new RunSummary(spec.commandLine().getOut()).print(outcome);
            return outcome.status().code();
        }
    }
}
