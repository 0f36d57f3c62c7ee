package io.lambdaguardrails.lambda;

/**
 * The invocation cannot run as asked: a bad event field, an unreadable configuration, targets that do not validate.
 * The message names what to fix. No stack trace is captured, so the Lambda error response carries the message alone.
 */
public final class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message, null, false, false);
    }
}
