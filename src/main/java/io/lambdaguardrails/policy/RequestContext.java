package io.lambdaguardrails.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys a request carries. A key is present (with one or more values), known to be absent, or unknown.
 * A complete context knows every key: what it does not carry is absent. An open context leaves the rest unknown, and
 * conditions on them make an answer {@link Decision#DEPENDS_ON_CONTEXT}. Keys compare case-insensitively, values
 * do not.
 */
public record RequestContext(Map<String, List<String>> present, Set<String> absent, boolean complete) {

    /** Where a key stands in this context. */
    public sealed interface Lookup {
        record Present(List<String> values) implements Lookup {
        }

        record Absent() implements Lookup {
        }

        record Unknown(String key) implements Lookup {
        }
    }

    public RequestContext {
        var lower = new HashMap<String, List<String>>();
        present.forEach((k, v) -> lower.put(lower(k), List.copyOf(v)));
        present = Map.copyOf(lower);
        absent = Set.copyOf(absent.stream().map(RequestContext::lower).toList());
    }

    /** Nothing known: every condition depends on context. */
    public static RequestContext open() {
        return new RequestContext(Map.of(), Set.of(), false);
    }

    /** Every key known: the ones not given are absent. */
    public static RequestContext complete(Map<String, List<String>> values) {
        return new RequestContext(values, Set.of(), true);
    }

    public RequestContext with(String key, String... values) {
        var map = new HashMap<>(present);
        map.put(lower(key), List.of(values));
        var gone = new HashSet<>(absent);
        gone.remove(lower(key));
        return new RequestContext(map, gone, complete);
    }

    public RequestContext without(String... keys) {
        var map = new HashMap<>(present);
        var gone = new HashSet<>(absent);
        for (String key : keys) {
            map.remove(lower(key));
            gone.add(lower(key));
        }
        return new RequestContext(map, gone, complete);
    }

    public Lookup lookup(String key) {
        String k = lower(key);
        List<String> values = present.get(k);
        if (values != null) {
            return values.isEmpty() ? new Lookup.Absent() : new Lookup.Present(values);
        }
        return complete || absent.contains(k) ? new Lookup.Absent() : new Lookup.Unknown(key);
    }

    /** The single value of a present key (the first of several). */
    public Optional<String> value(String key) {
        return lookup(key) instanceof Lookup.Present p ? Optional.of(p.values().getFirst()) : Optional.empty();
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
