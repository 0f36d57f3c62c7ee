package io.lambdaguardrails.report;

import org.apache.commons.codec.digest.DigestUtils;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folder names for views, safe as S3 key segments and as file names on every common file system: lower-case
 * {@code a-z 0-9 . _ -}, at most 61 characters (and a counter in the rare clash), never {@code .} or {@code ..}. A value that is
 * already such a name is its own folder; any other (a tag value with {@code ../}, slashes, spaces, capitals, non-ASCII
 * letters, nothing at all, or too long) gets what is left of it plus a hash of the whole value, so the same value
 * always lands in the same folder and two values never share one — also where a file system ignores case.
 */
final class ViewNames {

    private static final int KEPT = 48;
    private static final int HASH_HEX = 12;

    private ViewNames() {
    }

    /** A folder name per value; values are taken in sorted order, so a rare clash is settled the same way every run. */
    static Map<String, String> of(Collection<String> values) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String value : new TreeSet<>(values)) {
            String name = of(value);
            for (int n = 2; !taken.add(name); n++) {
                name = of(value) + "-" + n;
            }
            names.put(value, name);
        }
        return names;
    }

    static String of(String value) {
        if (isSafe(value)) {
            return value;
        }
        String kept = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (kept.length() > KEPT) {
            kept = kept.substring(0, KEPT).replaceAll("[-.]+$", "");
        }
        return (kept.isEmpty() ? "" : kept + "-") + hash(value);
    }

    private static boolean isSafe(String value) {
        return value.length() <= KEPT && value.matches("[a-z0-9_][a-z0-9._-]*") && !value.endsWith(".");
    }

    private static String hash(String value) {
        return DigestUtils.sha256Hex(value).substring(0, HASH_HEX);
    }
}
