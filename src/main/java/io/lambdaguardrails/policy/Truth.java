package io.lambdaguardrails.policy;

import java.util.Set;
import java.util.TreeSet;

/**
 * A three-valued answer (Kleene logic): true, false, or unknown because it depends on request-context keys whose
 * values are not known. {@code keys} names those keys and is empty unless the answer is unknown.
 */
public record Truth(Value value, Set<String> keys) {

    public enum Value {
        TRUE, FALSE, UNKNOWN
    }

    public static final Truth TRUE = new Truth(Value.TRUE, Set.of());
    public static final Truth FALSE = new Truth(Value.FALSE, Set.of());

    public Truth {
        keys = Set.copyOf(value == Value.UNKNOWN ? keys : Set.of());
    }

    public static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static Truth unknown(Set<String> keys) {
        return new Truth(Value.UNKNOWN, keys);
    }

    public boolean isTrue() {
        return value == Value.TRUE;
    }

    public boolean isFalse() {
        return value == Value.FALSE;
    }

    public boolean isUnknown() {
        return value == Value.UNKNOWN;
    }

    public Truth not() {
        return switch (value) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> this;
        };
    }

    public Truth and(Truth other) {
        if (isFalse() || other.isFalse()) {
            return FALSE;
        }
        return isTrue() ? other : other.isTrue() ? this : unknown(union(keys, other.keys));
    }

    public Truth or(Truth other) {
        if (isTrue() || other.isTrue()) {
            return TRUE;
        }
        return isFalse() ? other : other.isFalse() ? this : unknown(union(keys, other.keys));
    }

    public static Truth allOf(Iterable<Truth> truths) {
        Truth result = TRUE;
        for (Truth t : truths) {
            result = result.and(t);
        }
        return result;
    }

    public static Truth anyOf(Iterable<Truth> truths) {
        Truth result = FALSE;
        for (Truth t : truths) {
            result = result.or(t);
        }
        return result;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
