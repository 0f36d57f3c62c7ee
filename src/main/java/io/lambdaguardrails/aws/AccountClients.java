package io.lambdaguardrails.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One account's use of the run's {@link SharedClients}: calls made through {@link #call} carry the account's
 * credentials and a retry strategy of this account's own for each service and region — AWS throttles per account,
 * so one account's throttling must not slow the others' calls down (the adaptive strategy's rate limiter and retry
 * quota live in the strategy).
 */
public final class AccountClients {

    private final SharedClients shared;
    private final String accountId;
    private final AwsCredentialsProvider credentials;
    private final Supplier<RetryStrategy> newRetries;
    private final Map<String, RetryStrategy> retries = new ConcurrentHashMap<>();

    AccountClients(SharedClients shared, String accountId, AwsCredentialsProvider credentials,
                   Supplier<RetryStrategy> newRetries) {
        this.shared = shared;
        this.accountId = accountId;
        this.credentials = credentials;
        this.newRetries = newRetries;
    }

    public String accountId() {
        return accountId;
    }

    /** The run's shared client of {@code service} in {@code region}; call it inside {@link #call}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Class<C> service, Supplier<B> builder, Region region) {
        return shared.client(service, builder, region);
    }

    /** Makes the shared clients' calls inside {@code operation} (pages of a paginator too) as this account. */
    public <T> T call(Supplier<T> operation) {
        return shared.actingFor(this, operation);
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** This account's retry strategy for the shared client {@code clientKey}, made on its first call. */
    RetryStrategy retries(String clientKey) {
        return retries.computeIfAbsent(clientKey, k -> newRetries.get());
    }
}
