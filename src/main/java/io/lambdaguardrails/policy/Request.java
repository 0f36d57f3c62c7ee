package io.lambdaguardrails.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A hypothetical API call, used to ask whether a Deny (typically an SCP) applies to it: the action, the context
 * keys it carries and the keys it lacks. A condition on any other key is unknown: it counts as holding only when it
 * exempts some principals (a negated test on {@code aws:Principal…} or {@code aws:userid} — the usual
 * break-glass exception), because such a Deny still binds everyone else; any other unknown condition (a region, a
 * date, a tag of the request) might not hold, so the Deny is not relied on.
 */
public record Request(String action, Map<String, String> present, Set<String> absent) {

    public Request {
        present = lowerKeys(present);
        absent = Set.copyOf(absent.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
    }

    public static Request of(String action) {
        return new Request(action, Map.of(), Set.of());
    }

    public Request with(String key, String value) {
        var map = new HashMap<>(present);
        map.put(key, value);
        return new Request(action, map, absent);
    }

    public Request without(String... keys) {
        var set = new HashSet<>(absent);
        set.addAll(Set.of(keys));
        return new Request(action, present, set);
    }

    boolean satisfies(Condition condition) {
        String key = condition.key().toLowerCase(Locale.ROOT);
        if (present.containsKey(key)) {
            return condition.holdsFor(present.get(key));
        }
        if (absent.contains(key)) {
            return condition.holdsWhenAbsent();
        }
        return exemptsPrincipals(key, condition);
    }

    private static boolean exemptsPrincipals(String key, Condition condition) {
        boolean principalKey = key.startsWith("aws:principal") || key.equals("aws:userid") || key.equals("aws:username");
        return principalKey && condition.negated();
    }

    private static Map<String, String> lowerKeys(Map<String, String> map) {
        var lower = new HashMap<String, String>();
        map.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(lower);
    }
}
