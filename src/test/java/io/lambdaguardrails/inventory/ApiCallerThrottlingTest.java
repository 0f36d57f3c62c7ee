package io.lambdaguardrails.inventory;

import io.lambdaguardrails.aws.AccountClients;
import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.aws.SharedClients;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.ApiCaller.Outcome;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.Fault.AwsError;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a throttled call becomes, decided by the SDK's own retry strategy as the scan's shared clients use it:
 * moto holds one function, and a fault proxy in front of it answers Lambda's real throttling error (HTTP 429
 * TooManyRequestsException) as many times as a test asks. A transient throttle is not evidence of anything: the
 * call that succeeds on a retry gives the same answer as an unthrottled one and leaves no gap; only throttling
 * that outlasts every attempt becomes a THROTTLED coverage entry.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class ApiCallerThrottlingTest {

    static final int ATTEMPTS = 3;
    static final Region REGION = Region.EU_WEST_1;
    static final String API = "lambda:ListFunctions";

    static FaultProxy proxy;
    static ClientFactory clients;
    static SharedClients shared;
    static AccountClients account;
    static LambdaClient lambda;
    static String accountId;

    @BeforeAll
    static void seedOneFunctionBehindAFaultProxy(MotoServer moto) {
        try (ScanHarness seeding = new ScanHarness(moto.endpoint()); SeededOrganization org = seeding.createOrganization()) {
            SeededAccount management = org.management();
            management.function(REGION.id(), "orders", management.role("orders-role", Map.of(), List.of()), "python3.12", f -> f);
            accountId = management.id();
        }
        proxy = new FaultProxy(moto.endpoint());
        clients = new ClientFactory(new AwsSettings(proxy.endpoint(), "us-east-1", ATTEMPTS, AwsSettings.DEFAULT_CALL_TIMEOUT, 8));
        shared = new SharedClients(clients);
        account = shared.forAccount(accountId, SeededOrganization.EMULATOR_CREDENTIALS);
        lambda = account.client(LambdaClient.class, LambdaClient::builder, REGION);
    }

    @AfterAll
    static void close() {
        shared.close();
        clients.close();
        proxy.close();
    }

    @BeforeEach
    void noFaults() {
        proxy.clearFaults();
    }

    @Test
    void aCallThrottledFewerTimesThanItsAttemptsGivesTheUnthrottledAnswerAndNoGap() {
        List<FunctionConfiguration> unthrottled = listFunctions(new CoverageLog()).value().functions();
        Fault throttled = Fault.on("lambda", "ListFunctions").error(AwsError.throttling("lambda")).times(ATTEMPTS - 1);
        proxy.inject(throttled);

        CoverageLog coverage = new CoverageLog();
        Outcome<ListFunctionsResponse> outcome = listFunctions(coverage);

        assertThat(throttled.usedUp()).as("the SDK retried through every throttle").isTrue();
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.found()).isTrue();
        assertThat(outcome.value().functions()).extracting(FunctionConfiguration::functionName).containsExactly("orders");
        assertThat(outcome.value().functions()).isEqualTo(unthrottled);
        assertThat(coverage.entries()).extracting(Coverage::api, Coverage::status)
                .as("a throttle the retries absorbed is no gap").containsExactly(tuple(API, CoverageStatus.OK));
    }

    @Test
    void aCallThatKeepsThrottlingIsThrottledCoverageAndNoValue() {
        Fault throttled = Fault.on("lambda", "ListFunctions").error(AwsError.throttling("lambda"));
        proxy.inject(throttled);

        CoverageLog coverage = new CoverageLog();
        Outcome<ListFunctionsResponse> outcome = listFunctions(coverage);

        assertThat(throttled.hits()).as("every attempt the strategy allows, then no more").isEqualTo(ATTEMPTS);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failure()).isEqualTo(CoverageStatus.THROTTLED);
        assertThat(outcome.value()).as("nothing guessed in place of the answer").isNull();
        assertThat(coverage.entries()).singleElement().satisfies(gap -> {
            assertThat(gap).extracting(Coverage::accountId, Coverage::region, Coverage::api, Coverage::status)
                    .containsExactly(accountId, REGION.id(), API, CoverageStatus.THROTTLED);
            assertThat(gap.message()).contains("TooManyRequestsException");
        });
    }

    private static Outcome<ListFunctionsResponse> listFunctions(CoverageLog coverage) {
        return new ApiCaller(account, REGION.id(), coverage, new UnsupportedApis())
                .call("functions", API, () -> lambda.listFunctions());
    }
}
