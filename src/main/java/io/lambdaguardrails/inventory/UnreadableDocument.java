package io.lambdaguardrails.inventory;

/**
 * An API call answered with a document (a policy) that cannot be read. The call counts as failed, so the part it
 * should have filled is "not collected" rather than judged on a guess; the message names a position or a policy
 * element only, never text of the document.
 */
public final class UnreadableDocument extends RuntimeException {

    public UnreadableDocument(String message) {
        super(message, null, false, false);
    }
}
