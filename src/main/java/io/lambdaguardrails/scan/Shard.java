package io.lambdaguardrails.scan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The i-th of n partitions of the target accounts. An account belongs to shard {@code id mod n}: disjoint and
 * complete across shards, and independent of the order in which accounts were listed.
 */
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d+)");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard must be i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("shard must look like i/n (e.g. 0/4), got '" + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean owns(String accountId) {
        return Long.parseLong(accountId) % count == index;
    }

    public List<String> select(List<String> accountIds) {
        return accountIds.stream().filter(this::owns).toList();
    }
}
