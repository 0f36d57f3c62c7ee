package io.lambdaguardrails.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * A risk path in words: who can reach the function → the function → what its role can reach; also: the rest.
 * For example "anyone → resource policy (Principal *) → payments-processor → execution role with administrator
 * access → every resource in account 111122223333; also: a secret in DATABASE_URL".
 */
final class RiskChain {

    private RiskChain() {
    }

    static String describe(String functionName, String accountId, List<Ingredient> ingredients) {
        List<String> steps = new ArrayList<>();
        List<String> also = new ArrayList<>();
        ingredients.stream().filter(i -> i.kind().aspect() == Aspect.EXPOSURE).forEach(i -> steps.add(i.kind().phrase()));
        steps.add(functionName);
        for (Ingredient i : ingredients) {
            switch (i.kind().aspect()) {
                case EXPOSURE -> { }
                case BLAST_RADIUS -> steps.add(i.kind().phrase().formatted(accountId));
                case SECRET -> also.add(i.subjects().isEmpty() ? i.kind().phrase() : "a secret in " + String.join(", ", i.subjects()));
                default -> also.add(i.kind().phrase());
            }
        }
        return String.join(" → ", steps) + (also.isEmpty() ? "" : "; also: " + String.join(", ", also));
    }
}
