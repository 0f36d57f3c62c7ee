package io.lambdaguardrails.bench;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.report.AccountSummary;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.risk.RiskPaths;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.scan.ScanRequest;
import org.apache.commons.codec.digest.DigestUtils;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated organisation-sized result for the report benchmark: 50 accounts in 5 OUs, two regions, functions
 * owned by 12 teams (one in eight unowned), each with the findings a real organisation's functions carry — about six
 * each, from a fixed mix of rules with details as long as the real rules write — until {@code count} findings. One
 * in twenty functions is public, one in fifteen has an administrator role, one in twelve a secret, so the risk
 * paths range from CRITICAL to LOW. A fixed seed: the same count always gives the same result.
 */
public final class LargeScanResult {

    private record RuleMix(String id, String title, Family family, Severity severity, double chance, String detail) {
    }

    private static final List<RuleMix> MIX = List.of(
            new RuleMix("LG-ACC-002", "Function URL allows unauthenticated access", Family.ACCESS, Severity.HIGH, 0.05,
                    "Function URL https://%2$s.lambda-url.%3$s.on.aws/ has AuthType NONE: anyone on the internet can invoke %1$s."),
            new RuleMix("LG-ACC-001", "Resource policy lets anyone invoke the function", Family.ACCESS, Severity.CRITICAL, 0.02,
                    "Statement 'AllowPublic' of the function policy grants lambda:InvokeFunction to Principal * with no restricting condition."),
            new RuleMix("LG-ACC-005", "Service principal without source account", Family.ACCESS, Severity.MEDIUM, 0.12,
                    "Statement 's3-invoke' grants s3.amazonaws.com lambda:InvokeFunction without aws:SourceAccount; any account's bucket named %1$s-uploads could invoke it."),
            new RuleMix("LG-IAM-002", "Execution role is effectively administrator", Family.IAM, Severity.CRITICAL, 0.066,
                    "Role %1$s-role may do * on * (AdministratorAccess attached; no permissions boundary; SCPs applied: FullAWSAccess)."),
            new RuleMix("LG-IAM-003", "Execution role allows service-wide wildcards", Family.IAM, Severity.HIGH, 0.2,
                    "Statement 'DataAccess' of policy %1$s-policy allows s3:*, dynamodb:* on * (effective after boundary and SCPs)."),
            new RuleMix("LG-IAM-005", "Execution role has no permissions boundary", Family.IAM, Severity.LOW, 0.7,
                    "Role arn:aws:iam::%4$s:role/%1$s-role has no permissions boundary."),
            new RuleMix("LG-RUN-001", "Environment variable holds a secret", Family.RUNTIME, Severity.CRITICAL, 0.08,
                    "DATABASE_URL holds a URL with a password (fingerprint hmac:%5$s); the value is not shown."),
            new RuleMix("LG-RUN-003", "Runtime is deprecated", Family.RUNTIME, Severity.HIGH, 0.15,
                    "Runtime python3.8 is deprecated since 2024-10-14; function updates are blocked from 2025-03-31."),
            new RuleMix("LG-RUN-004", "Environment not encrypted with a customer-managed key", Family.RUNTIME, Severity.LOW, 0.8,
                    "4 environment variables are encrypted with the AWS managed key aws/lambda, not a customer-managed KMS key."),
            new RuleMix("LG-NET-001", "Function is not attached to a VPC", Family.NETWORK, Severity.LOW, 0.6,
                    "The function is not attached to a VPC (VpcConfig.SubnetIds is empty)."),
            new RuleMix("LG-NET-004", "Security group allows all outbound traffic", Family.NETWORK, Severity.LOW, 0.3,
                    "Security group sg-%5$s (%1$s-sg) allows all traffic out to 0.0.0.0/0 and ::/0."),
            new RuleMix("LG-NET-006", "VPC has no flow log", Family.NETWORK, Severity.MEDIUM, 0.3,
                    "VPC vpc-%5$s has no ACTIVE flow log capturing ALL traffic, on the VPC or on every subnet of the function."),
            new RuleMix("LG-SIG-001", "No code-signing configuration", Family.CODE_SIGNING, Severity.MEDIUM, 0.75,
                    "Zip-packaged function %1$s has no code-signing configuration: any code can be deployed to it."),
            new RuleMix("LG-OPS-002", "Asynchronous function without failure destination", Family.OPERATIONS, Severity.LOW, 0.3,
                    "The policy grants events.amazonaws.com, so the function is invoked asynchronously, and it has neither a dead-letter queue nor an on-failure destination."),
            new RuleMix("LG-OPS-003", "X-Ray active tracing is off", Family.OPERATIONS, Severity.LOW, 0.85,
                    "Active tracing is off (TracingConfig.Mode PassThrough)."));

    private static final List<String> OUS = List.of("r-root/ou-prod/ou-payments", "r-root/ou-prod/ou-web",
            "r-root/ou-prod/ou-data", "r-root/ou-staging", "r-root/ou-sandbox");
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
    private static final List<String> WORDS = List.of("payments", "orders", "invoice", "search", "profile", "ledger",
            "notify", "export", "import", "thumbnail", "audit", "checkout", "catalog", "session", "report");

    private LargeScanResult() {
    }

    public static ScanResult of(int count) {
        var random = new Random(20_000);
        var accounts = new ArrayList<AccountSummary>();
        var findings = new ArrayList<Finding>();
        var fixedSince = LocalDate.parse("2026-10-01");
        Instant started = Instant.parse("2026-12-01T02:00:00Z");
        Instant finished = started.plusSeconds(54);
        for (int a = 0; a < 50; a++) {
            String id = "%012d".formatted(210_000_000_000L + a * 7_919L);
            accounts.add(new AccountSummary(id, "team-" + WORDS.get(a % WORDS.size()) + "-" + (a < 25 ? "prod" : "dev") + "-" + a,
                    OUS.get(a % OUS.size()), AccountSummary.AccountCoverage.COMPLETE, REGIONS, 0, Map.of(), started, finished));
        }
        for (int fn = 0; findings.size() < count; fn++) {
            AccountSummary account = accounts.get(fn % accounts.size());
            String region = REGIONS.get((fn / accounts.size()) % REGIONS.size());
            String name = WORDS.get(random.nextInt(WORDS.size())) + "-" + WORDS.get(random.nextInt(WORDS.size())) + "-" + fn;
            String owner = fn % 8 == 0 ? null : "team-" + WORDS.get(fn % 12);
            String arn = "arn:aws:lambda:" + region + ":" + account.accountId() + ":function:" + name;
            for (RuleMix rule : MIX) {
                if (random.nextDouble() >= rule.chance() || findings.size() >= count) {
                    continue;
                }
                String hex = DigestUtils.sha256Hex(arn + rule.id());
                String detail = rule.detail().formatted(name, hex.substring(0, 24), region, account.accountId(), hex.substring(0, 17));
                var finding = new Finding(rule.id() + "-" + hex.substring(0, 16), rule.id(), rule.title(), rule.family(),
                        rule.severity(), FindingStatus.FAIL, account.accountId(), account.accountName(), account.ouPath(),
                        owner, region, "AWS::Lambda::Function", arn, name, List.of("arn:aws:iam::" + account.accountId() + ":role/" + name + "-role"),
                        detail, "Fix " + rule.id() + " as its rule reference says.", random.nextInt(10) == 0 ? LocalDate.parse("2026-12-01") : fixedSince,
                        random.nextInt(10) == 0 ? Baseline.NEW : Baseline.EXISTING, null);
                findings.add(random.nextInt(40) == 0
                        ? finding.suppressedBy(new Suppression("W-" + rule.id(), "accepted by the platform team until the migration", "platform", LocalDate.parse("2027-03-31")))
                        : finding);
            }
        }
        Map<String, RuleMeta> rules = new LinkedHashMap<>();
        for (RuleMix r : MIX) {
            rules.put(r.id(), new RuleMeta(r.id(), r.title(), r.family(), r.severity(), true,
                    "Why " + r.id() + " matters, in a few sentences as the real rules give it.",
                    "How to fix " + r.id() + ", in a few sentences as the real rules give it.",
                    List.of("https://docs.aws.amazon.com/lambda/latest/dg/governance.html"), List.of()));
        }
        var request = new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(), REGIONS,
                "OrganizationAccountAccessRole", null, null, 0, null, null, List.of());
        return new ScanResult(ScanResult.SCHEMA_VERSION, "20261201T020000Z-bench0", started, finished,
                new ScanResult.Tool("lambda-guardrails", "bench"), "arn:aws:sts::210000000000:assumed-role/Security/bench",
                request, accounts, List.of(), List.of(), findings, List.of(), List.copyOf(rules.values()), List.of(),
                "20261130T020000Z-bench0", new RiskPaths(RiskWeights.defaults()).of(findings), List.of(), List.of());
    }
}
