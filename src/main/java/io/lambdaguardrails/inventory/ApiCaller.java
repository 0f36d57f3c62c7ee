package io.lambdaguardrails.inventory;

import io.lambdaguardrails.aws.AccountClients;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.CoverageStatus;

import java.util.function.Supplier;

/**
 * Makes one AWS call on behalf of a collector for one (account, region) and records its coverage. A failure is
 * data, not an exception: the caller gets an {@link Outcome} and decides what "not collected" means for it. Every
 * call is made {@linkplain AccountClients#call as the account}, so the run's shared clients use its credentials and
 * retries.
 */
public final class ApiCaller {

    private final AccountClients account;
    private final String accountId;
    private final String region;
    private final CoverageLog coverage;
    private final UnsupportedApis unsupported;

    public ApiCaller(AccountClients account, String region, CoverageLog coverage, UnsupportedApis unsupported) {
        this.account = account;
        this.accountId = account.accountId();
        this.region = region;
        this.coverage = coverage;
        this.unsupported = unsupported;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    /** The result of a call: a value, an answer of "not found", or a failure recorded in coverage. */
    public record Outcome<T>(T value, boolean found, CoverageStatus failure) {

        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Calls {@code api} ({@code service:Operation}, e.g. {@code lambda:GetPolicy}). With {@code notFoundIsAnswer},
     * a *NotFound error means the optional sub-resource is absent, which is a successful answer.
     */
    public <T> Outcome<T> call(String collector, String api, boolean notFoundIsAnswer, Supplier<T> operation) {
        if (unsupported.isUnsupported(api, accountId)) {
            coverage.record(accountId, region, collector, api, CoverageStatus.UNSUPPORTED,
                    "operation not implemented by the endpoint");
            return new Outcome<>(null, false, CoverageStatus.UNSUPPORTED);
        }
        try {
            Outcome<T> outcome = proven(api, notFoundIsAnswer, operation);
            coverage.ok(accountId, region, collector, api);
            return outcome;
        } catch (UnreadableDocument e) {
            coverage.record(accountId, region, collector, api, CoverageStatus.ERROR, e.getMessage());
            return new Outcome<>(null, false, CoverageStatus.ERROR);
        } catch (Failed e) {
            if (e.credentials) {
                coverage.record(accountId, Coverage.GLOBAL, "sts", "sts:AssumeRole", e.failure.status(),
                        "refreshing the account's credentials: " + e.failure.message());
            } else if (!e.failure.abandoned()) {
                coverage.failed(accountId, region, collector, api, e.failure);
            }
            return new Outcome<>(null, false, e.failure.status());
        }
    }

    public <T> Outcome<T> call(String collector, String api, Supplier<T> operation) {
        return call(collector, api, false, operation);
    }

    /**
     * A bulk call the caller can do without, because it falls back to per-resource calls whose coverage tells
     * what was read: its failure is no gap and is not recorded (an unimplemented operation is still remembered).
     */
    public <T> Outcome<T> attempt(String collector, String api, Supplier<T> operation) {
        if (unsupported.isUnsupported(api, accountId)) {
            return new Outcome<>(null, false, CoverageStatus.UNSUPPORTED);
        }
        try {
            Outcome<T> outcome = proven(api, false, operation);
            coverage.ok(accountId, region, collector, api);
            return outcome;
        } catch (UnreadableDocument e) {
            return new Outcome<>(null, false, CoverageStatus.ERROR);
        } catch (Failed e) {
            return new Outcome<>(null, false, e.failure.status());
        }
    }

    /**
     * Makes the call; an answer of "not implemented" is asked again once, because one such answer may come from a
     * proxy or load balancer in trouble. Only the same answer twice marks the operation unsupported for the run.
     */
    private <T> Outcome<T> proven(String api, boolean notFoundIsAnswer, Supplier<T> operation) {
        try {
            return once(notFoundIsAnswer, operation);
        } catch (Failed first) {
            if (first.failure.status() != CoverageStatus.UNSUPPORTED) {
                throw first;
            }
            try {
                return once(notFoundIsAnswer, operation);
            } catch (Failed second) {
                if (second.failure.status() == CoverageStatus.UNSUPPORTED) {
                    unsupported.markUnsupported(api, accountId);
                }
                throw second;
            }
        }
    }

    private <T> Outcome<T> once(boolean notFoundIsAnswer, Supplier<T> operation) {
        try {
            return new Outcome<>(account.call(operation), true, null);
        } catch (UnreadableDocument e) {
            throw e;
        } catch (RuntimeException e) {
            if (notFoundIsAnswer && AwsFailure.notFound(e)) {
                return new Outcome<>(null, false, null);
            }
            throw new Failed(AwsFailure.of(e), AwsFailure.credentialRefresh(e));
        }
    }

    /** A classified failure on its way out of {@link #proven}. */
    private static final class Failed extends RuntimeException {
        private final transient AwsFailure failure;
        private final boolean credentials;

        Failed(AwsFailure failure, boolean credentials) {
            super(failure.message(), null, false, false);
            this.failure = failure;
            this.credentials = credentials;
        }
    }
}
