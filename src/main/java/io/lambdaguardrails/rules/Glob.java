package io.lambdaguardrails.rules;

import java.util.regex.Pattern;

/** A shell-style pattern: {@code *} matches any run of characters, {@code ?} one character; nothing else is special. */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, boolean ignoreCase) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    public static Glob of(String text) {
        return new Glob(text, false);
    }

    public static Glob ignoringCase(String text) {
        return new Glob(text, true);
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    public boolean hasWildcards() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
