package io.lambdaguardrails.inventory.secrets;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Values that stand in for a password in templates and examples: they are not one. */
final class Placeholders {

    /** Template references ({@code ${X}}, {@code {{x}}}, {@code <pw>}, {@code %PW%}, {@code $PW}) and masks. */
    private static final Pattern TEMPLATE_OR_MASK = Pattern.compile(
            "[$%{<\\[#].*|\\*+|[xX]+|•+|\\?+|\\.{3}");
    private static final Set<String> WORDS = Set.of("password", "passwd", "changeme", "change_me", "placeholder",
            "redacted", "yourpassword", "your_password", "your-password");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|on|off");

    private Placeholders() {
    }

    static boolean isPlaceholder(String value) {
        String v = value.strip();
        return v.isEmpty() || TEMPLATE_OR_MASK.matcher(v).matches() || WORDS.contains(v.toLowerCase(Locale.ROOT));
    }

    static boolean isBoolean(String value) {
        return BOOLEAN.matcher(value.strip()).matches();
    }
}
