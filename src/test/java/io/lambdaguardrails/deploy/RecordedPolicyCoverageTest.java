package io.lambdaguardrails.deploy;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SampleOrganisation;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.SecretScreen;
import io.lambdaguardrails.inventory.secrets.SecretDetector;
import io.lambdaguardrails.inventory.secrets.SecretFingerprint;
import io.lambdaguardrails.integrations.IntegrationOptions;
import io.lambdaguardrails.integrations.Integrations;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.permissions.IamActionMapping;
import io.lambdaguardrails.permissions.IamActionMapping.BucketEncryption;
import io.lambdaguardrails.permissions.PolicyParameters;
import io.lambdaguardrails.permissions.RequiredPolicy;
import io.lambdaguardrails.permissions.SdkOperation;
import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Scanner;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.OperationRecorder;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every AWS operation a real scan sends is allowed by the policy we publish for the principal that sends it: the
 * sample organisation is scanned on moto (networks, roles, trails, Config, resource policies, reports to S3, the
 * Security Hub import and an SNS notification) through a client factory that records each operation, and each
 * operation's IAM actions are checked with our own policy evaluator against the member policy, or the scanner policy
 * for Organizations, S3, AssumeRole, Security Hub and SNS. A collector that starts calling an operation whose action
 * the policy lacks fails this test. The Security Hub and SNS calls are also decided on the resources they name, with
 * the scanner policy printed with {@code --security-hub} and {@code --notify-topic}, and without them.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class RecordedPolicyCoverageTest {

    private static final String BUCKET = "policy-coverage";
    private static final String PREFIX = "guardrails/";
    private static final String REGION = "us-east-1";
    /** The account of the emulator's default credentials: the scanning account. */
    private static final String SCANNING_ACCOUNT = "123456789012";
    /** What the scanner principal calls itself; everything else runs in member accounts under the member role. */
    private static final Set<String> SCANNER_SERVICES = Set.of("organizations", "s3", "securityhub", "sns");
    private static final Set<String> INTEGRATION_OPERATIONS = Set.of("SecurityHub:BatchImportFindings", "Sns:Publish");

    static Set<SdkOperation> recorded;
    /** The Security Hub and SNS calls of the run, each as the IAM action and the resource it acts on. */
    static Set<Call> integrationCalls;
    /** Each imported finding's {@code AwsAccountId} and the member account its product fields name. */
    static Set<ImportedAccount> importedAccounts;
    static String topicArn;
    static List<String> runWarnings;

    @BeforeAll
    static void scanTheSampleOrganisation(MotoServer moto) {
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            SampleOrganisation.seed(org);
            try (var s3 = seeding.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
                 var sns = seeding.clients().client(SnsClient::builder, Region.US_EAST_1,
                         SeededOrganization.EMULATOR_CREDENTIALS)) {
                s3.createBucket(b -> b.bucket(BUCKET));
                topicArn = sns.createTopic(b -> b.name("guardrails-alerts")).topicArn();
            }
        }
        OperationRecorder recorder = new OperationRecorder();
        CallRecorder calls = new CallRecorder();
        var settings = new AwsSettings(moto.endpoint(), REGION, 2, Duration.ofSeconds(30), 64);
        try (ClientFactory clients = new ClientFactory(settings, List.of(recorder, calls))) {
            var scanner = new Scanner(clients, SeededOrganization.EMULATOR_CREDENTIALS, Region.US_EAST_1,
                    new SecretScreen(new SecretDetector(), new SecretFingerprint(ScanHarness.FINGERPRINT_KEY)),
                    Clock.systemUTC());
            var s3 = S3Access.lazy(() -> clients.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS),
                    () -> clients.presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS));
            var job = new ScanJob(scanner, Clock.systemUTC(), new ScanResult.Tool("lambda-guardrails", "test"), s3,
                    Integrations.of(clients, SeededOrganization.EMULATOR_CREDENTIALS));
            var request = ScanRequest.builder().org().regions(SampleOrganisation.REGIONS.toArray(String[]::new)).build();
            var integrations = IntegrationOptions.parse(REGION, List.of("sns:" + topicArn), null);
            var outcome = job.run(request, new JobOptions(ReportDelivery.Options.defaults("s3://" + BUCKET + "/" + PREFIX),
                    null, null, null, null, null, integrations), ScanListener.NONE, ScanDeadline.none());
            runWarnings = outcome.report().warnings();
        }
        recorded = recorder.operations();
        integrationCalls = Set.copyOf(calls.calls);
        importedAccounts = Set.copyOf(calls.importedAccounts);
    }

    @Test
    void theScanExercisedEveryCollectorAndTheReportSink() {
        assertThat(recorded).extracting(SdkOperation::toString).contains(
                "Organizations:ListAccounts", "Sts:AssumeRole", "Sts:GetCallerIdentity",
                "Iam:GetAccountAuthorizationDetails", "Lambda:ListFunctions", "Lambda:GetPolicy",
                "Ec2:DescribeVpcs", "Ec2:DescribeRouteTables", "Ec2:DescribeSecurityGroups", "Ec2:DescribeFlowLogs",
                "CloudTrail:DescribeTrails", "Config:DescribeConfigurationRecorders", "AccessAnalyzer:ListAnalyzers",
                "S3:GetObject", "S3:PutObject", "SecurityHub:BatchImportFindings", "Sns:Publish");
        assertThat(runWarnings).as("the import and the notification went through").isEmpty();
    }

    @Test
    void withSecurityHubAndNotifyEveryImportAndPublishIsAllowedOnTheResourceItNames() {
        ScannerGrants grants = ScannerGrants.of(RequiredPolicy.scanner(scannerParameters(true)), SCANNING_ACCOUNT);

        assertThat(integrationCalls).extracting(Call::action)
                .containsExactlyInAnyOrder("securityhub:BatchImportFindings", "sns:Publish");
        assertThat(integrationCalls).contains(new Call("securityhub:BatchImportFindings",
                "arn:aws:securityhub:us-east-1:" + SCANNING_ACCOUNT + ":product/" + SCANNING_ACCOUNT + "/default"),
                new Call("sns:Publish", topicArn));
        assertThat(integrationCalls).allSatisfy(call ->
                assertThat(grants.decide(call.action(), call.resource())).as("%s", call).isEqualTo(Decision.ALLOWED));
    }

    /**
     * Security Hub accepts a finding of an account's default product only from that account (moto does not check):
     * every member's finding is imported as the scanning account's, naming its member account in the product fields.
     */
    @Test
    void everyImportedFindingIsTheScanningAccountsAndNamesItsMemberAccount() {
        assertThat(importedAccounts).extracting(ImportedAccount::awsAccountId).containsOnly(SCANNING_ACCOUNT);
        assertThat(importedAccounts).extracting(ImportedAccount::memberAccount)
                .as("findings of member accounts were imported").anyMatch(account -> !SCANNING_ACCOUNT.equals(account))
                .doesNotContainNull();
    }

    @Test
    void withoutThemThePolicyAllowsNeitherAndLacksExactlyTheirActions() {
        ScannerGrants grants = ScannerGrants.of(RequiredPolicy.scanner(scannerParameters(false)), SCANNING_ACCOUNT);

        assertThat(integrationCalls).isNotEmpty().allSatisfy(call ->
                assertThat(grants.decide(call.action(), call.resource())).as("%s", call).isEqualTo(Decision.DENIED));
        assertThat(uncovered(recorded, member(), policy(scannerParameters(false))).keySet())
                .containsExactlyInAnyOrderElementsOf(INTEGRATION_OPERATIONS);
    }

    @Test
    void everyRecordedOperationIsAllowedByThePolicyOfThePrincipalThatSendsIt() {
        assertThat(uncovered(recorded, member(), scanner())).as("operation → IAM actions no statement allows").isEmpty();
    }

    @Test
    void aPolicyWithoutAnActionTheScanNeedsIsCaught() {
        PolicyDocument withoutLambda = new PolicyDocument(member().statements().stream()
                .filter(s -> !s.covers("lambda:ListFunctions")).toList());

        assertThat(uncovered(recorded, withoutLambda, scanner()))
                .containsEntry("Lambda:ListFunctions", List.of("lambda:ListFunctions"));
    }

    /** Each operation whose IAM actions the responsible policy does not all allow, with the missing actions. */
    private static Map<String, List<String>> uncovered(Set<SdkOperation> operations, PolicyDocument member,
                                                        PolicyDocument scanner) {
        Map<String, List<String>> missing = new TreeMap<>();
        for (SdkOperation operation : operations) {
            PolicyDocument policy = sentByScanner(operation) ? scanner : member;
            List<String> lacking = IamActionMapping.actionsFor(operation, BucketEncryption.SSE_S3).stream()
                    .filter(action -> policy.allowStatements().stream().noneMatch(s -> s.covers(action)))
                    .toList();
            if (!lacking.isEmpty()) {
                missing.put(operation.toString(), lacking);
            }
        }
        return missing;
    }

    private static boolean sentByScanner(SdkOperation operation) {
        String service = operation.service().toLowerCase(java.util.Locale.ROOT);
        return SCANNER_SERVICES.contains(service) || operation.toString().equals("Sts:AssumeRole");
    }

    private static PolicyDocument member() {
        return PolicyDocument.tryParse(RequiredPolicy.member()).orElseThrow();
    }

    private static PolicyDocument scanner() {
        return policy(scannerParameters(true));
    }

    private static PolicyDocument policy(PolicyParameters parameters) {
        return PolicyDocument.tryParse(RequiredPolicy.scanner(parameters)).orElseThrow();
    }

    /** The reports location of the run, with or without {@code --security-hub REGION --notify-topic TOPIC}. */
    private static PolicyParameters scannerParameters(boolean integrations) {
        return new PolicyParameters(BUCKET, PREFIX, null, Optional.empty(),
                integrations ? Optional.of(REGION) : Optional.empty(), integrations ? List.of(topicArn) : List.of());
    }

    /** One call as IAM authorises it: the action and the resource it names. */
    record Call(String action, String resource) {
    }

    record ImportedAccount(String awsAccountId, String memberAccount) {
    }

    /**
     * Records the Security Hub product and the SNS topic each import and publish names, and the accounts of each
     * imported finding.
     */
    private static final class CallRecorder implements ExecutionInterceptor {
        final Set<Call> calls = ConcurrentHashMap.newKeySet();
        final Set<ImportedAccount> importedAccounts = ConcurrentHashMap.newKeySet();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            switch (context.request()) {
                case BatchImportFindingsRequest request -> request.findings().forEach(finding -> {
                    calls.add(new Call("securityhub:BatchImportFindings", finding.productArn()));
                    importedAccounts.add(new ImportedAccount(finding.awsAccountId(),
                            finding.productFields().get("lambda-guardrails/AccountId")));
                });
                case PublishRequest request -> calls.add(new Call("sns:Publish", request.topicArn()));
                default -> {
                }
            }
        }
    }
}
