package io.lambdaguardrails.sink;

import java.util.List;

/**
 * A publish stopped on request between two objects, before {@code latest/} was touched: the run folder holds
 * {@code written} and nothing names it, so it is never a baseline.
 */
public final class PublishStopped extends RuntimeException {

    private final transient List<String> written;

    PublishStopped(List<String> written) {
        super(written.isEmpty() ? "nothing was written"
                : "the run folder holds only " + written.size() + " object(s): " + String.join(", ", written));
        this.written = List.copyOf(written);
    }

    public List<String> written() {
        return written;
    }
}
