package io.lambdaguardrails.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Values derived from one rule context that several rules ask for (a role's effective permissions), computed once.
 * Keys must say everything the value depends on besides the context itself.
 */
public final class Memo {

    private final Map<Object, Object> values = new HashMap<>();

    @SuppressWarnings("unchecked")
    public synchronized <T> T get(Object key, Supplier<T> compute) {
        Object known = values.get(key);
        if (known == null) {
            known = compute.get();
            values.put(key, known);
        }
        return (T) known;
    }
}
