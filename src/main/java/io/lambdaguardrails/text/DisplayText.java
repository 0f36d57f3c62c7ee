package io.lambdaguardrails.text;

/**
 * Text from an AWS account made safe to show to a person — on a terminal, in a log line, a CSV cell or the HTML
 * report's text. Control characters (escape sequences, bell, line breaks), format characters (text-direction
 * overrides such as U+202E, zero-width characters) and line or paragraph separators are written as
 * {@code \\uXXXX} instead of acting on what displays them: a name cannot forge a line, recolour a terminal or
 * reverse the text around it. Everything else, other scripts and emoji included, is kept. One function for every
 * output, so a name reads the same everywhere.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** {@code text} with every invisible or acting character written as {@code \\uXXXX}; null becomes empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().noneMatch(DisplayText::acts)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (acts(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean acts(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }
}
