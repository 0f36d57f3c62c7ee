package io.lambdaguardrails.sink;

/** A report could not be written or read where asked. The message names the location and the cause, never content. */
public class SinkException extends RuntimeException {
    public SinkException(String message, Throwable cause) {
        super(message, cause);
    }

    public SinkException(String message) {
        super(message);
    }
}
