package io.lambdaguardrails.deploy;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SampleOrganisation;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.SecretScreen;
import io.lambdaguardrails.inventory.secrets.SecretDetector;
import io.lambdaguardrails.inventory.secrets.SecretFingerprint;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.permissions.IamActionMapping;
import io.lambdaguardrails.permissions.IamActionMapping.BucketEncryption;
import io.lambdaguardrails.permissions.PolicyParameters;
import io.lambdaguardrails.permissions.RequiredPolicy;
import io.lambdaguardrails.permissions.SdkOperation;
import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Scanner;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.OperationRecorder;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every AWS operation a real scan sends is allowed by the policy we publish for the principal that sends it: the
 * sample organisation is scanned on moto (networks, roles, trails, Config, resource policies, reports to S3) through a
 * client factory that records each operation, and each operation's IAM actions are checked with our own policy
 * evaluator against the member policy, or the scanner policy for Organizations, S3 and AssumeRole. A collector that
 * starts calling an operation whose action the policy lacks fails this test.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class RecordedPolicyCoverageTest {

    private static final String BUCKET = "policy-coverage";
    private static final String PREFIX = "guardrails/";
    /** What the scanner principal calls itself; everything else runs in member accounts under the member role. */
    private static final Set<String> SCANNER_SERVICES = Set.of("organizations", "s3");

    static Set<SdkOperation> recorded;

    @BeforeAll
    static void scanTheSampleOrganisation(MotoServer moto) {
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            SampleOrganisation.seed(org);
            try (var s3 = seeding.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS)) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
        }
        OperationRecorder recorder = new OperationRecorder();
        var settings = new AwsSettings(moto.endpoint(), "us-east-1", 2, Duration.ofSeconds(30), 64);
        try (ClientFactory clients = new ClientFactory(settings, List.of(recorder))) {
            var scanner = new Scanner(clients, SeededOrganization.EMULATOR_CREDENTIALS, Region.US_EAST_1,
                    new SecretScreen(new SecretDetector(), new SecretFingerprint(ScanHarness.FINGERPRINT_KEY)),
                    Clock.systemUTC());
            var s3 = S3Access.lazy(() -> clients.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS),
                    () -> clients.presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS));
            var job = new ScanJob(scanner, Clock.systemUTC(), new ScanResult.Tool("lambda-guardrails", "test"), s3);
            var request = ScanRequest.builder().org().regions(SampleOrganisation.REGIONS.toArray(String[]::new)).build();
            job.run(request, new JobOptions("s3://" + BUCKET + "/" + PREFIX, null, null), ScanListener.NONE,
                    ScanDeadline.none());
        }
        recorded = recorder.operations();
    }

    @Test
    void theScanExercisedEveryCollectorAndTheReportSink() {
        assertThat(recorded).extracting(SdkOperation::toString).contains(
                "Organizations:ListAccounts", "Sts:AssumeRole", "Sts:GetCallerIdentity",
                "Iam:GetAccountAuthorizationDetails", "Lambda:ListFunctions", "Lambda:GetPolicy",
                "Ec2:DescribeVpcs", "Ec2:DescribeRouteTables", "Ec2:DescribeSecurityGroups", "Ec2:DescribeFlowLogs",
                "CloudTrail:DescribeTrails", "Config:DescribeConfigurationRecorders", "AccessAnalyzer:ListAnalyzers",
                "S3:GetObject", "S3:PutObject");
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
        return PolicyDocument.tryParse(RequiredPolicy.scanner(new PolicyParameters(BUCKET, PREFIX, null, Optional.empty()))).orElseThrow();
    }
}
