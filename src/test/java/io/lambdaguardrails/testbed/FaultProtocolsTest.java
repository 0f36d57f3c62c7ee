package io.lambdaguardrails.testbed;

import io.lambdaguardrails.inventory.AwsFailure;
import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.testbed.Fault.AwsError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.signer.SignerClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The proxy's errors are what the SDK sees from AWS: for every protocol the SDK reads the intended error code and
 * HTTP status, calls the throttling ones throttling, and {@link AwsFailure} files each under the intended coverage.
 * No upstream is needed: every call is answered by a fault.
 */
class FaultProtocolsTest {

    static FaultProxy proxy;
    static ClientFactory oneAttempt;
    static ClientFactory threeAttempts;

    /** One cheap read per service, as the scanner's clients make it. */
    record Probe(String service, Consumer<ClientFactory> call) {
        void run(ClientFactory clients) {
            call.accept(clients);
        }
    }

    static final List<Named<Probe>> PROBES = List.of(
            probe("sts", "query", c -> { try (var x = c.client(StsClient::builder, ClientFactory.GLOBAL, creds())) { x.getCallerIdentity(); } }),
            probe("iam", "query", c -> { try (var x = c.client(IamClient::builder, ClientFactory.GLOBAL, creds())) { x.listRoles(); } }),
            probe("ec2", "ec2 query", c -> { try (var x = c.client(Ec2Client::builder, Region.US_EAST_1, creds())) { x.describeVpcs(); } }),
            probe("s3", "rest-xml", c -> { try (var x = c.s3(Region.US_EAST_1, creds())) { x.listBuckets(); } }),
            probe("organizations", "json 1.1", c -> { try (var x = c.client(OrganizationsClient::builder, ClientFactory.GLOBAL, creds())) { x.listAccounts(); } }),
            probe("cloudtrail", "json 1.1", c -> { try (var x = c.client(CloudTrailClient::builder, Region.US_EAST_1, creds())) { x.describeTrails(); } }),
            probe("config", "json 1.1", c -> { try (var x = c.client(ConfigClient::builder, Region.US_EAST_1, creds())) { x.describeConfigRules(); } }),
            probe("tagging", "json 1.1", c -> { try (var x = c.client(ResourceGroupsTaggingApiClient::builder, Region.US_EAST_1, creds())) { x.getResources(r -> { }); } }),
            probe("lambda", "rest-json", c -> { try (var x = c.client(LambdaClient::builder, Region.US_EAST_1, creds())) { x.listFunctions(); } }),
            probe("access-analyzer", "rest-json", c -> { try (var x = c.client(AccessAnalyzerClient::builder, Region.US_EAST_1, creds())) { x.listAnalyzers(r -> { }); } }),
            probe("signer", "rest-json", c -> { try (var x = c.client(SignerClient::builder, Region.US_EAST_1, creds())) { x.getSigningProfile(r -> r.profileName("p")); } }));

    static Named<Probe> probe(String service, String protocol, Consumer<ClientFactory> call) {
        return Named.of(service + " (" + protocol + ")", new Probe(service, call));
    }

    static Probe lambda() {
        return PROBES.stream().map(Named::getPayload).filter(p -> p.service().equals("lambda")).findFirst().orElseThrow();
    }

    static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider creds() {
        return SeededOrganization.EMULATOR_CREDENTIALS;
    }

    @BeforeAll
    static void start() {
        // Nothing listens upstream: a call that reached it would fail differently from every expectation below.
        proxy = new FaultProxy(URI.create("http://127.0.0.1:9"));
        oneAttempt = new ClientFactory(new AwsSettings(proxy.endpoint(), "us-east-1", 1, Duration.ofSeconds(20), 8));
        threeAttempts = new ClientFactory(new AwsSettings(proxy.endpoint(), "us-east-1", 3, Duration.ofSeconds(20), 8));
    }

    @AfterAll
    static void stop() {
        oneAttempt.close();
        threeAttempts.close();
        proxy.close();
    }

    @BeforeEach
    void clean() {
        proxy.clearFaults();
        proxy.resetCounts();
    }

    static Stream<Named<Probe>> probes() {
        return PROBES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void throttlingIsThrottlingToTheSdk(Probe probe) {
        AwsError error = AwsError.throttling(probe.service());
        proxy.inject(Fault.on(probe.service(), null).error(error));

        AwsServiceException e = failure(probe, oneAttempt);

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(error.code());
        assertThat(e.statusCode()).isEqualTo(error.status());
        assertThat(e.isThrottlingException()).isTrue();
        assertThat(AwsFailure.of(e).status()).isEqualTo(CoverageStatus.THROTTLED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void internalFailureIsAnErrorThatIsRetried(Probe probe) {
        AwsError error = AwsError.internalFailure(probe.service());
        proxy.inject(Fault.on(probe.service(), null).error(error));

        AwsServiceException e = failure(probe, threeAttempts);

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(error.code());
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.isThrottlingException()).isFalse();
        assertThat(AwsFailure.of(e).status()).isEqualTo(CoverageStatus.ERROR);
        assertThat(proxy.total()).as("attempts").isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void accessDeniedIsAccessDenied(Probe probe) {
        AwsError error = AwsError.accessDenied(probe.service());
        proxy.inject(Fault.on(probe.service(), null).error(error));

        AwsServiceException e = failure(probe, threeAttempts);

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(error.code());
        assertThat(AwsFailure.of(e).status()).isEqualTo(CoverageStatus.ACCESS_DENIED);
        assertThat(proxy.total()).as("attempts").isEqualTo(1);
    }

    @Test
    void aThrottledBurstShorterThanTheAttemptsSucceeds() {
        proxy.inject(Fault.throttle("lambda", "ListFunctions").times(2));
        proxy.inject(Fault.on("lambda", "ListFunctions").answer(200, "application/json", "{\"Functions\":[]}"));

        try (var lambda = threeAttempts.client(LambdaClient::builder, Region.US_EAST_1, creds())) {
            assertThat(lambda.listFunctions().functions()).isEmpty();
        }
        assertThat(proxy.counts()).containsEntry("lambda:ListFunctions", 3);
    }

    @Test
    void everyNthHitsADeterministicFraction() {
        Fault everyThird = Fault.throttle("lambda", "ListFunctions").everyNth(3);
        proxy.inject(everyThird);
        proxy.inject(Fault.on("lambda", "ListFunctions").answer(200, "application/json", "{\"Functions\":[]}"));

        try (var lambda = oneAttempt.client(LambdaClient::builder, Region.US_EAST_1, creds())) {
            List<Boolean> throttled = Stream.generate(() -> {
                try {
                    lambda.listFunctions();
                    return false;
                } catch (AwsServiceException e) {
                    return e.isThrottlingException();
                }
            }).limit(9).toList();
            assertThat(throttled).containsExactly(false, false, true, false, false, true, false, false, true);
        }
        assertThat(everyThird.hits()).isEqualTo(3);
    }

    @Test
    void aDroppedConnectionIsAClientErrorThatIsRetried() {
        proxy.inject(Fault.on("lambda", "ListFunctions").dropConnection());

        SdkException e = catchThrowableOfType(SdkClientException.class, () -> lambda().run(threeAttempts));

        assertThat(e).isNotNull();
        assertThat(AwsFailure.of(e).status()).isEqualTo(CoverageStatus.ERROR);
        assertThat(proxy.counts()).containsEntry("lambda:ListFunctions", 3);
    }

    @Test
    void anHtmlPageInsteadOfAnErrorIsUnsupportedAfterOneCall() {
        proxy.inject(Fault.on("lambda", "ListFunctions").answer(500, "text/html", "<html><body>Internal Server Error</body></html>"));

        AwsServiceException e = failure(lambda(), threeAttempts);

        assertThat(AwsFailure.of(e).status()).isEqualTo(CoverageStatus.UNSUPPORTED);
        assertThat(proxy.total()).isEqualTo(1);
    }

    @Test
    void servedPoliciesAreReadVerbatim() {
        String notJson = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"<script>\"";
        proxy.inject(Fault.on("lambda", "GetPolicy").forResource("function:victim").servePolicy(notJson));

        try (var lambda = oneAttempt.client(LambdaClient::builder, Region.US_EAST_1, creds())) {
            assertThat(lambda.getPolicy(r -> r.functionName("arn:aws:lambda:us-east-1:111122223333:function:victim")).policy())
                    .isEqualTo(notJson);
        }
    }

    private static AwsServiceException failure(Probe probe, ClientFactory clients) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> probe.run(clients));
        assertThat(e).as("an AWS error").isNotNull();
        return e;
    }
}
