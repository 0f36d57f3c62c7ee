package io.lambdaguardrails.rules;

import java.util.List;
import java.util.Optional;

/** The explicit list of every rule the product ships, in id order. Reviewable, and needs no classpath scanning. */
public final class RuleCatalogue {

    private static final List<Rule> RULES = List.of();

    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(r -> r.meta().id().equalsIgnoreCase(id)).findFirst();
    }
}
