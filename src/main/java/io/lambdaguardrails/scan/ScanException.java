package io.lambdaguardrails.scan;

/** A scan that cannot start: bad targets or unusable credentials. The message says what to fix. */
public final class ScanException extends RuntimeException {

    public ScanException(String message) {
        super(message);
    }
}
