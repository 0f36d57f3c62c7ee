package io.lambdaguardrails.job;

/** The run ended early on a {@link StopRequest}; the message says what it left where. */
public final class RunStopped extends RuntimeException {

    public RunStopped(String message) {
        super(message);
    }
}
