package io.lambdaguardrails.cli;

import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.TargetResolver;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a command scans and how it enters the accounts ({@code scan}, {@code daemon}). */
public class ScanOptions {

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

    @Option(names = "--role-name", paramLabel = "NAME", description = {"Role assumed in member accounts (default: ${DEFAULT-VALUE}, the read-only role of src/main/cloudformation/member-role.yaml).",
            "To use the organisation's administrator role instead: --role-name OrganizationAccountAccessRole."}, defaultValue = ScanRequest.DEFAULT_ROLE_NAME)
    String roleName;

    @Option(names = "--role-arn-template", paramLabel = "ARN", description = "Member role ARN with an {accountId} placeholder, for roles under a path: 'arn:aws:iam::{accountId}:role/security/Audit'. Wins over --role-name.")
    String roleArnTemplate;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id the member role requires.")
    String externalId;

    @Option(names = "--max-concurrent-accounts", paramLabel = "N", description = "Accounts scanned at once (default: ${DEFAULT-VALUE}).", defaultValue = "" + ScanRequest.DEFAULT_MAX_CONCURRENT_ACCOUNTS)
    int maxConcurrentAccounts;

    @Option(names = "--account-timeout", paramLabel = "DURATION", description = "Deadline per account, e.g. 10m or 90s; unfinished regions are reported as TIMEOUT (default: ${DEFAULT-VALUE}).", defaultValue = "10m", converter = DurationConverter.class)
    Duration accountTimeout;

    /** @param shard {@code i/n} or null; @param rules rule id patterns (empty: every enabled rule) */
    public ScanRequest request(String shard, List<String> rules) {
        TargetResolver.requireConcurrency(maxConcurrentAccounts);
        return new ScanRequest(accounts, org, ous, excludeAccounts, accountTags, regions, roleName, roleArnTemplate,
                externalId, maxConcurrentAccounts, accountTimeout, shard, rules);
    }
}
