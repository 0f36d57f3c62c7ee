package io.lambdaguardrails.cli;

import java.util.regex.Pattern;

/** What an unexpected failure says to a user: its message, without the Java class names exceptions carry. */
final class UnexpectedFailure {

    /** {@code java.io.IOException: }, a bare {@code UncheckedIOException} — how a wrapping exception quotes its cause. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable)(?:\\$[\\w$]+)?(?:: |$)");

    private UnexpectedFailure() {
    }

    /** The first message in the chain of causes that says something once the class names are taken out. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : CLASS_NAME.matcher(t.getMessage()).replaceAll("").strip();
            if (!message.isEmpty()) {
                return message;
            }
        }
        return "an unexpected failure with no message";
    }
}
