package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.FindingStatus;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.Effect;
import io.lambdaguardrails.policy.PolicyKind;
import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.risk.RiskPaths;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.ExpiredWaiver;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.support.Capability;
import io.lambdaguardrails.rules.support.CapabilityKind;
import io.lambdaguardrails.rules.support.FunctionAccess;
import io.lambdaguardrails.rules.support.Invoker;
import io.lambdaguardrails.rules.support.InvokerKind;
import io.lambdaguardrails.rules.support.RoleAccess;
import io.lambdaguardrails.rules.support.ScpPath;
import io.lambdaguardrails.scan.ScanRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Scan results for report and sink tests, including values an attacker controls. */
public final class SampleResults {

    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "\"><img src=x onerror=alert(1)>";
    public static final String QUOTES = "it's \"quoted\", with a comma";
    public static final String NEWLINES = "line one\nline two\r\nline three";
    public static final String ZERO_WIDTH = "pay\u200Broll";
    public static final String RIGHT_TO_LEFT = "invoice\u202Eexe.pdf";
    public static final String BELL_AND_ESCAPE = "bell\u0007 and \u001B[31mred";
    public static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    public static final String LONG = "A".repeat(5 * 1024);
    public static final String CLOSE_SCRIPT = "</script><script>alert(2)</script><!--";

    /** Every hostile value, one per finding detail / resource name. */
    public static final List<String> HOSTILE = List.of(SCRIPT, IMG, QUOTES, NEWLINES, ZERO_WIDTH, RIGHT_TO_LEFT, BELL_AND_ESCAPE,
            FORMULA, LONG, CLOSE_SCRIPT, "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "caf\u00e9 \u65e5\u672c \ud83d\ude80");

    public static final Instant STARTED = Instant.parse("2026-11-28T02:00:00Z");
    public static final Instant FINISHED = Instant.parse("2026-11-28T02:04:12Z");
    public static final LocalDate TODAY = LocalDate.parse("2026-11-28");

    private SampleResults() {
    }

    public static RuleMeta rule(String id, Family family, Severity severity) {
        return new RuleMeta(id, "Title of " + id, family, severity, true, "Why " + id + " matters.",
                "Fix " + id + " like this.", List.of("https://docs.aws.amazon.com/lambda/latest/dg/governance.html",
                "javascript:alert(3)"), List.of("Lambda.1"));
    }

    public static Finding finding(String id, String ruleId, Family family, Severity severity, String accountId,
                                  String resourceName, String detail) {
        return new Finding(id, ruleId, "Title of " + ruleId, family, severity, FindingStatus.FAIL, accountId,
                "name-" + accountId, "r-root/ou-prod", "team-a", "eu-west-1", "AWS::Lambda::Function",
                "arn:aws:lambda:eu-west-1:" + accountId + ":function:" + resourceName, resourceName,
                List.of("sg-1", "sg-2"), detail, "Fix " + ruleId + " like this.", TODAY, null, null);
    }

    public static AccountSummary account(String id, AccountSummary.AccountCoverage coverage, Map<Severity, Integer> open) {
        return new AccountSummary(id, "name-" + id, "r-root/ou-prod", coverage, List.of("eu-west-1", "us-east-1"), 3,
                open, STARTED, FINISHED);
    }

    /** A result with its risk paths ranked by the default weights. */
    public static ScanResult result(List<Finding> findings, List<AccountSummary> accounts, List<Coverage> coverage) {
        List<RuleMeta> rules = findings.stream().map(f -> rule(f.ruleId(), f.family(), f.severity()))
                .distinct().toList();
        var request = new ScanRequest(List.of(), true, List.of(), List.of(), Map.of(), List.of("eu-west-1", "us-east-1"),
                null, null, null, 0, null, null, List.of());
        return new ScanResult(ScanResult.SCHEMA_VERSION, "20261128T020000Z-a1b2c3", STARTED, FINISHED,
                new ScanResult.Tool("lambda-guardrails", "0.1.0"), "arn:aws:sts::111111111111:assumed-role/Sec/alice",
                request, accounts, coverage,
                List.of(new ScanResult.NotEvaluated("333333333333", "eu-west-1", "network rules", "ec2:DescribeVpcs ACCESS_DENIED")),
                findings, List.of(), rules,
                List.of(new ExpiredWaiver("W-OLD", "legacy VPC until Q3", "carol", LocalDate.parse("2026-10-01"), 2)),
                null, new RiskPaths(RiskWeights.defaults()).of(findings), List.of(), effectiveAccess(findings));
    }

    /**
     * What the evaluator would say of the functions of an LG-ACC-001 finding: any AWS account may invoke, and the
     * role may pass any role in the account.
     */
    private static List<FunctionAccess> effectiveAccess(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals("LG-ACC-001"))
                .map(f -> new FunctionAccess(f.accountId(), f.region(), f.resourceArn(), List.of(
                        new Invoker("", InvokerKind.ANY_ACCOUNT, "*", Invoker.RESOURCE_POLICY, Decision.ALLOWED,
                                List.of(), List.of(new StatementRef(PolicyKind.RESOURCE, f.resourceName(), 1, "pub",
                                        Effect.ALLOW, false)))),
                        new RoleAccess("arn:aws:iam::" + f.accountId() + ":role/deployer", List.of(new Capability(
                                CapabilityKind.PRIVILEGE_ESCALATION, "iam:PassRole",
                                "arn:aws:iam::" + f.accountId() + ":role/*", Decision.ALLOWED, List.of(),
                                List.of(new StatementRef(PolicyKind.IDENTITY, "deploy", 2, "Pass", Effect.ALLOW, false)))),
                                ScpPath.Status.APPLIED)))
                .toList();
    }

    /** Three accounts, a mix of severities and families, one suppressed finding, one coverage gap. */
    public static ScanResult typical() {
        List<Finding> findings = new ArrayList<>(List.of(
                finding("LG-ACC-001-aaaa", "LG-ACC-001", Family.ACCESS, Severity.CRITICAL, "111111111111", "public-fn", "Principal * may invoke"),
                finding("LG-NET-003-bbbb", "LG-NET-003", Family.NETWORK, Severity.MEDIUM, "111111111111", "vpc-fn", "subnet-1 routes to igw-1"),
                finding("LG-NET-003-cccc", "LG-NET-003", Family.NETWORK, Severity.MEDIUM, "222222222222", "other-fn", "subnet-9 routes to igw-2"),
                finding("LG-RUN-003-dddd", "LG-RUN-003", Family.RUNTIME, Severity.HIGH, "222222222222", "old-fn", "python3.8 is deprecated"),
                finding("LG-OPS-003-eeee", "LG-OPS-003", Family.OPERATIONS, Severity.LOW, "222222222222", "quiet-fn", "tracing off")));
        findings.add(finding("LG-OPS-003-ffff", "LG-OPS-003", Family.OPERATIONS, Severity.LOW, "111111111111", "waived-fn", "tracing off")
                .suppressedBy(new Suppression("W-1", "accepted until migration", "bob", LocalDate.parse("2027-01-31"))));
        var accounts = List.of(
                account("111111111111", AccountSummary.AccountCoverage.COMPLETE, Map.of(Severity.CRITICAL, 1, Severity.MEDIUM, 1)),
                account("222222222222", AccountSummary.AccountCoverage.COMPLETE, Map.of(Severity.HIGH, 1, Severity.MEDIUM, 1, Severity.LOW, 1)),
                account("333333333333", AccountSummary.AccountCoverage.PARTIAL, Map.of()));
        var coverage = List.of(
                new Coverage("111111111111", "eu-west-1", "lambda", "lambda:ListFunctions", CoverageStatus.OK, null),
                new Coverage("333333333333", "eu-west-1", "network", "ec2:DescribeVpcs", CoverageStatus.ACCESS_DENIED, "AccessDenied"),
                new Coverage("333333333333", "eu-west-1", "analyzer", "access-analyzer:ListAnalyzers", CoverageStatus.UNSUPPORTED, "not available"));
        return result(findings, accounts, coverage);
    }

    /**
     * {@link #typical()} with more than one owner and region: account 222222222222's findings belong to team-b in
     * us-east-1, and the suppressed finding has no owner.
     */
    public static ScanResult typicalTeams() {
        ScanResult typical = typical();
        List<Finding> findings = typical.findings().stream().map(f -> f.accountId().equals("222222222222")
                ? ownedBy(f, "team-b", "us-east-1")
                : f.status() == FindingStatus.SUPPRESSED ? ownedBy(f, null, f.region()) : f).toList();
        return result(findings, typical.accounts(), typical.coverage());
    }

    /** Days before the run each finding of {@link #typicalAged()} was first seen. */
    public static final Map<String, Integer> AGES = Map.of("LG-ACC-001-aaaa", 120, "LG-NET-003-bbbb", 45,
            "LG-NET-003-cccc", 8, "LG-RUN-003-dddd", 30, "LG-OPS-003-eeee", 0, "LG-OPS-003-ffff", 95);

    /**
     * {@link #typicalTeams()} a while into the history: each finding first seen {@link #AGES} days before the run
     * (the suppressed one too), new on the run's day, else already in the baseline.
     */
    public static ScanResult typicalAged() {
        ScanResult teams = typicalTeams();
        List<Finding> findings = teams.findings().stream().map(f -> {
            int days = AGES.get(f.findingId());
            return f.withBaseline(days == 0 ? Baseline.NEW : Baseline.EXISTING, TODAY.minusDays(days));
        }).toList();
        return result(findings, teams.accounts(), teams.coverage());
    }

    private static Finding ownedBy(Finding f, String owner, String region) {
        return new Finding(f.findingId(), f.ruleId(), f.title(), f.family(), f.severity(), f.status(), f.accountId(),
                f.accountName(), f.ouPath(), owner, region, f.resourceType(), f.resourceArn(), f.resourceName(),
                f.related(), f.detail(), f.remediation(), f.firstSeen(), f.baseline(), f.suppression());
    }

    /** One finding per hostile value, in the detail, the resource name, the account name and the owner. */
    public static ScanResult hostile() {
        List<Finding> findings = IntStream.range(0, HOSTILE.size()).mapToObj(i -> {
            String value = HOSTILE.get(i);
            Finding f = finding("LG-RUN-002-h" + i, "LG-RUN-002", Family.RUNTIME, Severity.MEDIUM, "444444444444", value, value);
            return new Finding(f.findingId(), f.ruleId(), f.title(), f.family(), f.severity(), f.status(), f.accountId(),
                    value, value, value, f.region(), f.resourceType(), f.resourceArn(), value, List.of(value), value,
                    f.remediation(), f.firstSeen(), Baseline.NEW, null);
        }).toList();
        var accounts = List.of(new AccountSummary("444444444444", SCRIPT + IMG, IMG, AccountSummary.AccountCoverage.COMPLETE,
                List.of("eu-west-1"), 1, Map.of(Severity.MEDIUM, findings.size()), STARTED, FINISHED));
        return result(findings, accounts, List.of(
                new Coverage("444444444444", "eu-west-1", "lambda", SCRIPT, CoverageStatus.ERROR, IMG)));
    }

    /** {@code count} findings spread over severities, families and 50 accounts. */
    public static ScanResult many(int count) {
        Severity[] severities = Severity.values();
        Family[] families = Family.values();
        List<Finding> findings = IntStream.range(0, count).mapToObj(i -> finding(
                "LG-X-%05d".formatted(i), "LG-" + families[i % families.length].prefix() + "-001",
                families[i % families.length], severities[i % severities.length],
                "%012d".formatted(100000000000L + i % 50), "fn-" + i, "detail of finding " + i)).toList();
        var accounts = IntStream.range(0, 50).mapToObj(i -> account("%012d".formatted(100000000000L + i),
                AccountSummary.AccountCoverage.COMPLETE, Map.of())).toList();
        return result(findings, accounts, List.of());
    }
}
