package io.lambdaguardrails.policy;

/**
 * A policy document could not be read. The message names only a position or a policy element, never any text of
 * the document: policies are written by the scanned accounts and may carry anything.
 */
public final class PolicyParseException extends Exception {

    public PolicyParseException(String message) {
        super(message, null, false, false);
    }
}
