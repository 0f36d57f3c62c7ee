package io.lambdaguardrails.rules;

import io.lambdaguardrails.policy.StatementRef;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds finding details from values the scanned accounts control (names, statement ids, principals): one line,
 * a restricted alphabet, bounded length — so a hostile name can neither break a report row nor smuggle markup.
 */
public final class Details {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9 _.:/@+=,*#()-]");
    private static final int MAX_VALUE = 96;

    private Details() {
    }

    /** {@code 'value'} with unsafe characters replaced by {@code ?} and long values cut. */
    public static String quote(String value) {
        return "'" + safe(value) + "'";
    }

    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = UNSAFE.matcher(value).replaceAll("?");
        return cleaned.length() <= MAX_VALUE ? cleaned : cleaned.substring(0, MAX_VALUE) + "...";
    }

    /** The first {@code max} items joined by commas, then {@code (+N more)}. */
    public static String list(List<String> items, int max) {
        String shown = String.join(", ", items.subList(0, Math.min(max, items.size())));
        return items.size() > max ? shown + " (+" + (items.size() - max) + " more)" : shown;
    }

    /** {@code statement 'Sid'}, or {@code statement #N} for a statement without one. */
    public static String statement(StatementRef ref) {
        return "statement " + (ref.sid().isBlank() ? statementId(ref) : quote(ref.sid()));
    }

    /** The Sid made safe, or {@code #N}: what a finding's {@code related} lists. */
    public static String statementId(StatementRef ref) {
        return ref.sid().isBlank() ? "#" + ref.index() : safe(ref.sid());
    }

    /** Each statement once, described, joined by commas. */
    public static String statements(List<StatementRef> refs) {
        return String.join(", ", refs.stream().map(Details::statement).distinct().toList());
    }
}
