package io.lambdaguardrails.cli;

/**
 * Names from an AWS account, made safe to print on a terminal: control and format characters (escape sequences,
 * text-direction overrides, zero-width characters) are shown as {@code \\uXXXX} instead of acting on the terminal.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
