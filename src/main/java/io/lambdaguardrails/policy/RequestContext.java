package io.lambdaguardrails.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The condition keys a request carries. A key is present (with one or more values), known to be absent, or unknown.
 * A complete context knows every key: what it does not carry is absent. An open context leaves the rest unknown, and
 * conditions on them make an answer {@link Decision#DEPENDS_ON_CONTEXT}. Keys compare case-insensitively, values
 * do not. Immutable; {@link #with} and {@link #without} lower-case only the keys they are given: rules build several
 * contexts for every caller of every function.
 */
public final class RequestContext {

    /** Where a key stands in this context. */
    public sealed interface Lookup {
        record Present(List<String> values) implements Lookup {
        }

        record Absent() implements Lookup {
        }

        record Unknown(String key) implements Lookup {
        }
    }

    private static final Lookup ABSENT = new Lookup.Absent();
    private static final RequestContext OPEN = new RequestContext(Map.of(), false);

    /** Every key this context knows, lower-case, with its values; no values: known to be absent. */
    private final Map<String, List<String>> known;
    private final boolean complete;

    private RequestContext(Map<String, List<String>> known, boolean complete) {
        this.known = known;
        this.complete = complete;
    }

    /** Nothing known: every condition depends on context. */
    public static RequestContext open() {
        return OPEN;
    }

    /** Every key known: the ones not given are absent. */
    public static RequestContext complete(Map<String, List<String>> values) {
        var known = new HashMap<String, List<String>>();
        values.forEach((k, v) -> known.put(lower(k), List.copyOf(v)));
        return new RequestContext(known, true);
    }

    public RequestContext with(String key, String... values) {
        var next = new HashMap<>(known);
        next.put(lower(key), List.of(values));
        return new RequestContext(next, complete);
    }

    public RequestContext without(String... keys) {
        var next = new HashMap<>(known);
        for (String key : keys) {
            next.put(lower(key), List.of());
        }
        return new RequestContext(next, complete);
    }

    public Lookup lookup(String key) {
        List<String> values = known.get(lower(key));
        if (values != null) {
            return values.isEmpty() ? ABSENT : new Lookup.Present(values);
        }
        return complete ? ABSENT : new Lookup.Unknown(key);
    }

    /** The single value of a present key (the first of several). */
    public Optional<String> value(String key) {
        return lookup(key) instanceof Lookup.Present p ? Optional.of(p.values().getFirst()) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestContext other && complete == other.complete && known.equals(other.known);
    }

    @Override
    public int hashCode() {
        return known.hashCode() * 31 + Boolean.hashCode(complete);
    }

    @Override
    public String toString() {
        return (complete ? "complete " : "open ") + known;
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
