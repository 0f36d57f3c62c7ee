package io.lambdaguardrails.risk;

import java.util.List;

/**
 * One part of a risk path with its evidence: the ids of the open findings it comes from, and the names those
 * findings point at ({@code subjects}: e.g. the environment variables holding a secret) where they say.
 */
public record Ingredient(IngredientKind kind, int weight, List<String> findingIds, List<String> subjects) {

    public Ingredient {
        findingIds = List.copyOf(findingIds);
        subjects = List.copyOf(subjects);
    }
}
