package io.lambdaguardrails.aws;

import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's shared clients act for whichever account a request names, with that account's retries. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class SharedClientsTest {

    static final int CLIENT_ATTEMPTS = 3;

    @Test
    void oneClientServesEveryAccountAndEachRequestCarriesItsAccountsCredentialsAndRetries(MotoServer moto) {
        try (FaultProxy proxy = new FaultProxy(moto.endpoint());
             ClientFactory factory = new ClientFactory(new AwsSettings(proxy.endpoint(), "us-east-1", CLIENT_ATTEMPTS,
                     AwsSettings.DEFAULT_CALL_TIMEOUT, 8));
             SharedClients shared = new SharedClients(factory)) {
            AccountClients first = shared.forAccount(SeededOrganization.EMULATOR_CREDENTIALS);
            RetryStrategy once = factory.retryStrategy().toBuilder().maxAttempts(1).build();
            AccountClients second = new AccountClients(shared, SeededOrganization.EMULATOR_CREDENTIALS, () -> once);

            var lambda = first.client(LambdaClient.class, LambdaClient::builder, Region.US_EAST_1);
            var same = second.client(LambdaClient.class, LambdaClient::builder, Region.US_EAST_1);
            assertThat(same.client()).isSameAs(lambda.client());
            assertThat(factory.clientsBuilt()).isEqualTo(1);
            assertThat(lambda.client().listFunctions(r -> r.overrideConfiguration(lambda.asAccount())).functions()).isEmpty();
            assertThatThrownBy(() -> lambda.client().listFunctions())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a request to a shared client must carry its account's credentials");

            Fault throttled = Fault.throttle("lambda", "ListFunctions");
            proxy.inject(throttled);
            assertThatThrownBy(() -> same.client().listFunctions(r -> r.overrideConfiguration(same.asAccount())))
                    .isInstanceOf(TooManyRequestsException.class);
            assertThat(throttled.hits()).as("the second account's own retry strategy: one attempt").isEqualTo(1);
            assertThatThrownBy(() -> lambda.client().listFunctions(r -> r.overrideConfiguration(lambda.asAccount())))
                    .isInstanceOf(TooManyRequestsException.class);
            assertThat(throttled.hits()).as("the first account's: the client's %d", CLIENT_ATTEMPTS).isEqualTo(1 + CLIENT_ATTEMPTS);
        }
    }
}
