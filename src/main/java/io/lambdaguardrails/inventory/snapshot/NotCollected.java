package io.lambdaguardrails.inventory.snapshot;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How snapshot records hold what could not be read: a set of their parts, in declaration order so the same data
 * always serialises alike. A list given as null (a collector that could not read it, or a schema-1 snapshot)
 * becomes empty with its part marked not collected, so no record hands a rule a null list.
 */
final class NotCollected {

    private NotCollected() {
    }

    static <E extends Enum<E>> EnumSet<E> start(Class<E> type, Collection<E> parts) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (parts != null) {
            set.addAll(parts);
        }
        return set;
    }

    static <E extends Enum<E>> Set<E> of(Class<E> type, Collection<E> parts) {
        return done(start(type, parts));
    }

    static <E extends Enum<E>> Set<E> done(EnumSet<E> parts) {
        return Collections.unmodifiableSet(parts);
    }

    static <T, E extends Enum<E>> List<T> list(List<T> list, E part, EnumSet<E> missing) {
        if (list == null) {
            missing.add(part);
            return List.of();
        }
        return List.copyOf(list);
    }
}
