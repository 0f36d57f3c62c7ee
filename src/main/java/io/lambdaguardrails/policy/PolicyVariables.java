package io.lambdaguardrails.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}}, and the escapes
 * {@code ${*}}, {@code ${?}}, {@code ${$}}) in a Resource or condition value against a request context. Characters
 * that must match literally ({@code ${*}}, and wildcards inside a substituted value) come back as private-use
 * characters, and {@link #literal(String)} maps a request's text the same way, so {@link Wildcard} matching keeps
 * working on the result.
 */
final class PolicyVariables {

    static final char LITERAL_STAR = '\uE000', LITERAL_QUESTION = '\uE001';
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern WITH_DEFAULT = Pattern.compile("(.*?),\\s*'(.*)'");

    private PolicyVariables() {
    }

    sealed interface Resolved {
        /** The value with every variable replaced. */
        record Value(String text) implements Resolved {
        }

        /** A variable names a key whose value is not known. */
        record Unknown(String key) implements Resolved {
        }

        /** A variable names a key the request does not carry and has no default: the value matches nothing. */
        record Missing() implements Resolved {
        }
    }

    static Resolved resolve(String value, RequestContext context) {
        if (!value.contains("${")) {
            return new Resolved.Value(value);
        }
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(value, last, m.start());
            last = m.end();
            String inner = m.group(1).trim();
            switch (inner) {
                case "*" -> out.append(LITERAL_STAR);
                case "?" -> out.append(LITERAL_QUESTION);
                case "$" -> out.append('$');
                default -> {
                    Matcher d = WITH_DEFAULT.matcher(inner);
                    String key = d.matches() ? d.group(1).trim() : inner;
                    switch (context.lookup(key)) {
                        case RequestContext.Lookup.Present p -> out.append(literal(p.values().getFirst()));
                        case RequestContext.Lookup.Unknown u -> {
                            return new Resolved.Unknown(key);
                        }
                        case RequestContext.Lookup.Absent a -> {
                            if (!d.matches()) {
                                return new Resolved.Missing();
                            }
                            out.append(literal(d.group(2)));
                        }
                    }
                }
            }
        }
        out.append(value, last, value.length());
        return new Resolved.Value(out.toString());
    }

    /** A resolved value for exact comparison, where {@code *} and {@code ?} are plain characters anyway. */
    static String plain(String resolved) {
        return resolved.replace(LITERAL_STAR, '*').replace(LITERAL_QUESTION, '?');
    }

    /** A request's text with {@code *} and {@code ?} as the literal characters a resolved value uses. */
    static String literal(String text) {
        return text.replace('*', LITERAL_STAR).replace('?', LITERAL_QUESTION);
    }
}
