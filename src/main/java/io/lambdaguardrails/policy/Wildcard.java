package io.lambdaguardrails.policy;

import java.util.BitSet;
import java.util.Locale;

/**
 * Glob matching, as IAM does it and as the user's rule ids and waivers are written: {@code *} matches any run of
 * characters, {@code ?} exactly one, nothing else is special. No regular expression is compiled.
 */
public final class Wildcard {

    private Wildcard() {
    }

    public static boolean has(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        if (ignoreCase && !(ascii(pattern) && ascii(text))) {
            return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT), false);
        }
        // ASCII letters are folded as they are compared: the evaluator matches every action against every statement,
        // and lower-casing both strings each time was most of its cost. Other text is lower-cased whole, as before.
        // Greedy match with backtracking to the last star: linear for the patterns IAM allows.
        int pi = 0, ti = 0, star = -1, mark = 0;
        while (ti < text.length()) {
            if (pi < pattern.length() && (pattern.charAt(pi) == '?' || same(pattern.charAt(pi), text.charAt(ti), ignoreCase))) {
                pi++;
                ti++;
            } else if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') {
            pi++;
        }
        return pi == pattern.length();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && lowerAscii(a) == lowerAscii(b);
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Whether some text that starts with {@code prefix} matches: {@code s*:Get*} reaches texts starting {@code s3:}. */
    public static boolean matchesSomeTextStartingWith(String pattern, String prefix, boolean ignoreCase) {
        return !positionsAfter(pattern, prefix, ignoreCase).isEmpty();
    }

    /** Whether every text that starts with {@code prefix} matches: {@code s3:*} and {@code s*} cover {@code s3:}. */
    public static boolean matchesEveryTextStartingWith(String pattern, String prefix, boolean ignoreCase) {
        return positionsAfter(pattern, prefix, ignoreCase).stream()
                .anyMatch(i -> i < pattern.length() && pattern.substring(i).chars().allMatch(c -> c == '*'));
    }

    /**
     * The pattern positions a match can have reached once {@code prefix} is read (position i: {@code pattern[i..]}
     * must match the rest of the text). Empty when no match can start with the prefix.
     */
    private static BitSet positionsAfter(String pattern, String prefix, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String t = ignoreCase ? prefix.toLowerCase(Locale.ROOT) : prefix;
        BitSet positions = new BitSet();
        positions.set(0);
        positions = withEmptyStarRuns(p, positions);
        for (int ti = 0; ti < t.length() && !positions.isEmpty(); ti++) {
            char c = t.charAt(ti);
            BitSet next = new BitSet();
            positions.stream().filter(i -> i < p.length()).forEach(i -> {
                char at = p.charAt(i);
                if (at == '*') {
                    next.set(i);
                } else if (at == '?' || at == c) {
                    next.set(i + 1);
                }
            });
            positions = withEmptyStarRuns(p, next);
        }
        return positions;
    }

    /** Adds the positions reached by letting a star match nothing. */
    private static BitSet withEmptyStarRuns(String p, BitSet positions) {
        for (int i = 0; i < p.length(); i++) {
            if (positions.get(i) && p.charAt(i) == '*') {
                positions.set(i + 1);
            }
        }
        return positions;
    }
}
