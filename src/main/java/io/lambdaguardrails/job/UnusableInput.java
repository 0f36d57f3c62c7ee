package io.lambdaguardrails.job;

/**
 * An input a job was given that it cannot use: a findings.json that is missing, of the wrong kind or not JSON, a
 * template that does not parse. The message says which and what is wrong; the user fixes it (exit 2).
 */
public final class UnusableInput extends RuntimeException {

    public UnusableInput(String message, Throwable cause) {
        super(message, cause);
    }

    public UnusableInput(String message) {
        super(message);
    }
}
