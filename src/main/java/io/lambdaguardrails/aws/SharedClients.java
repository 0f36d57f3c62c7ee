package io.lambdaguardrails.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One client per service and region for a whole run, shared by every account: building a client costs far more
 * than a call, and a run scans hundreds of (account, region) pairs. The clients carry no credentials of their own;
 * each request names its account's through {@link AccountClients}, so a request that forgets to fails instead of
 * running as someone else. Closing this closes the clients.
 */
public final class SharedClients implements AutoCloseable {

    private static final AwsCredentialsProvider NONE = new AwsCredentialsProvider() {
        @Override
        public AwsCredentials resolveCredentials() {
            throw new IllegalStateException("a request to a shared client must carry its account's credentials");
        }
    };

    private final ClientFactory factory;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public SharedClients(ClientFactory factory) {
        this.factory = factory;
    }

    /** The run's client of {@code service} in {@code region}, built on first use. */
    @SuppressWarnings("unchecked")
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Class<C> service, Supplier<B> builder, Region region) {
        return (C) clients.computeIfAbsent(service.getName() + "@" + region.id(),
                k -> factory.client(builder, region, NONE));
    }

    /** The shared clients as seen by one account: its credentials, and retries of its own. */
    public AccountClients forAccount(AwsCredentialsProvider credentials) {
        return new AccountClients(this, credentials, factory::retryStrategy);
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
