package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.CoverageStatus;

import java.util.function.Supplier;

/**
 * Makes one AWS call on behalf of a collector for one (account, region) and records its coverage. A failure is
 * data, not an exception: the caller gets an {@link Outcome} and decides what "not collected" means for it.
 */
public final class ApiCaller {

    private final String accountId;
    private final String region;
    private final CoverageLog coverage;
    private final UnsupportedApis unsupported;

    public ApiCaller(String accountId, String region, CoverageLog coverage, UnsupportedApis unsupported) {
        this.accountId = accountId;
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

        /** The value, or null when absent or failed. */
        public T orNull() {
            return value;
        }
    }

    /**
     * Calls {@code api} ({@code service:Operation}, e.g. {@code lambda:GetPolicy}). With {@code notFoundIsAnswer},
     * a *NotFound error means the optional sub-resource is absent, which is a successful answer.
     */
    public <T> Outcome<T> call(String collector, String api, boolean notFoundIsAnswer, Supplier<T> operation) {
        if (unsupported.isUnsupported(api)) {
            coverage.record(accountId, region, collector, api, CoverageStatus.UNSUPPORTED,
                    "operation not implemented by the endpoint");
            return new Outcome<>(null, false, CoverageStatus.UNSUPPORTED);
        }
        try {
            T value = operation.get();
            coverage.ok(accountId, region, collector, api);
            return new Outcome<>(value, true, null);
        } catch (UnreadableDocument e) {
            coverage.record(accountId, region, collector, api, CoverageStatus.ERROR, e.getMessage());
            return new Outcome<>(null, false, CoverageStatus.ERROR);
        } catch (RuntimeException e) {
            if (notFoundIsAnswer && AwsFailure.notFound(e)) {
                coverage.ok(accountId, region, collector, api);
                return new Outcome<>(null, false, null);
            }
            AwsFailure failure = AwsFailure.of(e);
            if (failure.status() == CoverageStatus.UNSUPPORTED) {
                unsupported.markUnsupported(api);
            }
            coverage.failed(accountId, region, collector, api, failure);
            return new Outcome<>(null, false, failure.status());
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
        if (unsupported.isUnsupported(api)) {
            return new Outcome<>(null, false, CoverageStatus.UNSUPPORTED);
        }
        try {
            T value = operation.get();
            coverage.ok(accountId, region, collector, api);
            return new Outcome<>(value, true, null);
        } catch (RuntimeException e) {
            AwsFailure failure = AwsFailure.of(e);
            if (failure.status() == CoverageStatus.UNSUPPORTED) {
                unsupported.markUnsupported(api);
            }
            return new Outcome<>(null, false, failure.status());
        }
    }
}
