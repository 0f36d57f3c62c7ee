package io.lambdaguardrails.aws;

import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run's shared clients act for whichever account a call is made for, with that account's retries. */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class SharedClientsTest {

    static final int CLIENT_ATTEMPTS = 3;

    @Test
    void oneClientServesEveryAccountAndEachCallCarriesItsAccountsCredentialsAndRetries(MotoServer moto) {
        try (FaultProxy proxy = new FaultProxy(moto.endpoint());
             ClientFactory factory = new ClientFactory(new AwsSettings(proxy.endpoint(), "us-east-1", CLIENT_ATTEMPTS,
                     AwsSettings.DEFAULT_CALL_TIMEOUT, 8));
             SharedClients shared = new SharedClients(factory)) {
            CountingCredentials firstKeys = new CountingCredentials(), secondKeys = new CountingCredentials();
            AccountClients first = shared.forAccount("111111111111", firstKeys);
            RetryStrategy once = factory.retryStrategy().toBuilder().maxAttempts(1).build();
            AccountClients second = new AccountClients(shared, "222222222222", secondKeys, () -> once);

            LambdaClient lambda = first.client(LambdaClient.class, LambdaClient::builder, Region.US_EAST_1);
            assertThat(second.client(LambdaClient.class, LambdaClient::builder, Region.US_EAST_1)).isSameAs(lambda);
            assertThat(factory.clientsBuilt()).isEqualTo(1);

            assertThat(first.call(() -> lambda.listFunctions().functions())).isEmpty();
            assertThat(firstKeys.asked.get()).as("the first account's credentials signed its call").isEqualTo(1);
            assertThat(second.call(() -> lambda.listFunctions().functions())).isEmpty();
            assertThat(secondKeys.asked.get()).as("the second account's credentials signed its call").isEqualTo(1);
            assertThat(firstKeys.asked.get()).isEqualTo(1);
            assertThatThrownBy(lambda::listFunctions)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a call through the shared clients must be made for an account (AccountClients.call)");

            Fault throttled = Fault.throttle("lambda", "ListFunctions");
            proxy.inject(throttled);
            assertThatThrownBy(() -> second.call(lambda::listFunctions)).isInstanceOf(TooManyRequestsException.class);
            assertThat(throttled.hits()).as("the second account's own retry strategy: one attempt").isEqualTo(1);
            assertThatThrownBy(() -> first.call(lambda::listFunctions)).isInstanceOf(TooManyRequestsException.class);
            assertThat(throttled.hits()).as("the first account's: the client's %d", CLIENT_ATTEMPTS).isEqualTo(1 + CLIENT_ATTEMPTS);
        }
    }

    /** The emulator's credentials, counting how often a call asks for them. */
    private static final class CountingCredentials implements AwsCredentialsProvider {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public AwsCredentials resolveCredentials() {
            asked.incrementAndGet();
            return SeededOrganization.EMULATOR_CREDENTIALS.resolveCredentials();
        }
    }
}
