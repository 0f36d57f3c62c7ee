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
 * than a call, and a run scans hundreds of (account, region) pairs. The clients carry no credentials or retry state
 * of their own: they act for the account whose {@link AccountClients#call} the thread is in, so a call made outside
 * one fails instead of running as someone else. The binding is per thread because the SDK resolves credentials and
 * asks its retry strategy on the calling thread, and it costs nothing per call, where a request-level override that
 * changes the retry strategy makes the SDK rebuild the client's configuration on every call. Closing this closes the
 * clients.
 */
public final class SharedClients implements AutoCloseable {

    private final ClientFactory factory;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();
    private final ThreadLocal<AccountClients> acting = new ThreadLocal<>();
    private final AwsCredentialsProvider actingCredentials = new ActingCredentials();

    public SharedClients(ClientFactory factory) {
        this.factory = factory;
    }

    /** The run's client of {@code service} in {@code region}, built on first use. */
    @SuppressWarnings("unchecked")
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Class<C> service, Supplier<B> builder, Region region) {
        return (C) clients.computeIfAbsent(key(service, region),
                k -> factory.client(builder, region, actingCredentials, new AccountRetries(this, k)));
    }

    static String key(Class<?> service, Region region) {
        return service.getName() + "@" + region.id();
    }

    /** The shared clients as seen by one account: its credentials, and retries of its own. */
    public AccountClients forAccount(String accountId, AwsCredentialsProvider credentials) {
        return new AccountClients(this, accountId, credentials, factory::retryStrategy);
    }

    /** Runs {@code call} with the shared clients acting for {@code account}; restores the previous binding after. */
    <T> T actingFor(AccountClients account, Supplier<T> call) {
        AccountClients previous = acting.get();
        acting.set(account);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                acting.remove();
            } else {
                acting.set(previous);
            }
        }
    }

    /** The account the calling thread acts for. */
    AccountClients acting() {
        AccountClients account = acting.get();
        if (account == null) {
            throw new IllegalStateException("a call through the shared clients must be made for an account (AccountClients.call)");
        }
        return account;
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }

    /** The credentials of the account the calling thread acts for. */
    private final class ActingCredentials implements AwsCredentialsProvider {

        @Override
        public AwsCredentials resolveCredentials() {
            return acting().credentials().resolveCredentials();
        }
    }
}
