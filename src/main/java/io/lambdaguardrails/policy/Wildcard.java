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
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String t = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        // Greedy match with backtracking to the last star: linear for the patterns IAM allows.
        int pi = 0, ti = 0, star = -1, mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
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
