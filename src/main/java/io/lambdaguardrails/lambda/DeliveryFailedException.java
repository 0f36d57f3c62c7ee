package io.lambdaguardrails.lambda;

/**
 * The reports did not reach the asked output (they were saved in the function's temporary folder instead). Thrown
 * after everything that could be written was, so the invocation fails: the Scheduler retries it and, once retries are
 * spent, its dead-letter queue receives the event. Stackless: the message says all there is.
 */
public final class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message) {
        super(message, null, false, false);
    }
}
