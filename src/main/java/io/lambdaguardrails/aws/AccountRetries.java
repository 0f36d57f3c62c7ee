package io.lambdaguardrails.aws;

import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;

/**
 * The retry strategy of one shared client: each call is retried by the strategy of the account it acts for (its own
 * rate limiter and retry quota for this client's service and region). A call's token remembers that strategy, so
 * every attempt of the call draws on the same account's state.
 */
final class AccountRetries implements RetryStrategy {

    private final SharedClients shared;
    private final String clientKey;

    AccountRetries(SharedClients shared, String clientKey) {
        this.shared = shared;
        this.clientKey = clientKey;
    }

    private record AccountToken(RetryStrategy strategy, RetryToken token) implements RetryToken {
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        RetryStrategy strategy = shared.acting().retries(clientKey);
        AcquireInitialTokenResponse response = strategy.acquireInitialToken(request);
        return AcquireInitialTokenResponse.create(new AccountToken(strategy, response.token()), response.delay());
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        AccountToken token = (AccountToken) request.token();
        RefreshRetryTokenResponse response = token.strategy().refreshRetryToken(
                request.toBuilder().token(token.token()).build());
        return RefreshRetryTokenResponse.create(new AccountToken(token.strategy(), response.token()), response.delay());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        AccountToken token = (AccountToken) request.token();
        RecordSuccessResponse response = token.strategy().recordSuccess(RecordSuccessRequest.create(token.token()));
        return RecordSuccessResponse.create(new AccountToken(token.strategy(), response.token()));
    }

    /** The accounts' strategies are all made alike by {@link ClientFactory#retryStrategy()}. */
    @Override
    public int maxAttempts() {
        return shared.acting().retries(clientKey).maxAttempts();
    }

    /** Nothing configures this strategy after the fact: the accounts' strategies are built complete. */
    @Override
    public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("the accounts' retry strategies are built by ClientFactory.retryStrategy");
    }

    /** Its accounts' strategies already carry the AWS retry conditions. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }
}
