package io.lambdaguardrails.cli;

/**
<<<<<<< HEAD
 * Names from an AWS account, made safe to print on a terminal: control and format characters (escape sequences,
 * text-direction overrides, zero-width characters) are shown as {@code \\uXXXX} instead of acting on the terminal.
=======
 * Names from AWS accounts are hostile on a terminal too: control characters (escape sequences, carriage returns) and
 * bidirectional overrides are replaced with {@code ?} so a function name cannot rewrite what the summary shows, and
 * long values are cut.
>>>>>>> 05fcc4b (Terminal summary: the five highest risk paths, one line each, and the three worst owners (unowned its own row), with names from accounts made safe for the terminal; OwnerRollup ranks owners by their paths' tiers, top score and open findings)
 */
final class TerminalText {

    private TerminalText() {
    }

<<<<<<< HEAD
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
=======
    static String safe(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            out.appendCodePoint(type == Character.CONTROL || type == Character.FORMAT ? '?' : c);
        });
        return out.length() <= maxLength ? out.toString() : out.substring(0, maxLength - 1) + "…";
>>>>>>> 05fcc4b (Terminal summary: the five highest risk paths, one line each, and the three worst owners (unowned its own row), with names from accounts made safe for the terminal; OwnerRollup ranks owners by their paths' tiers, top score and open findings)
    }
}
