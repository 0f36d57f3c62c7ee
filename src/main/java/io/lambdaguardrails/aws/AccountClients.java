package io.lambdaguardrails.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One account's use of the run's {@link SharedClients}. Each client comes with the request settings its calls for
 * this account carry: the account's credentials, and a retry strategy of this account's own for that service and
 * region — AWS throttles per account, so one account's throttling must not slow the others' calls down (the
 * adaptive strategy's rate limiter and retry quota live in the strategy).
 */
public final class AccountClients {

    private final SharedClients shared;
    private final AwsCredentialsProvider credentials;
    private final Supplier<RetryStrategy> retries;
    private final Map<String, AwsRequestOverrideConfiguration> overrides = new ConcurrentHashMap<>();

    AccountClients(SharedClients shared, AwsCredentialsProvider credentials, Supplier<RetryStrategy> retries) {
        this.shared = shared;
        this.credentials = credentials;
        this.retries = retries;
    }

    /** A shared client and what this account's requests to it carry. */
    public record AccountClient<C>(C client, AwsRequestOverrideConfiguration asAccount) {
    }

    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> AccountClient<C> client(
            Class<C> service, Supplier<B> builder, Region region) {
        C client = shared.client(service, builder, region);
        return new AccountClient<>(client, overrides.computeIfAbsent(service.getName() + "@" + region.id(),
                k -> asAccount(retries.get())));
    }

    private AwsRequestOverrideConfiguration asAccount(RetryStrategy retryStrategy) {
        return AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(credentials)
                .addPlugin(config -> config.overrideConfiguration(o -> o.retryStrategy(retryStrategy)))
                .build();
    }
}
