package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.inventory.snapshot.LambdaFunction;
import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.FunctionRule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.FunctionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/** A rule that reports the secrets the collector flagged in one place of a function, by label, never by value. */
abstract class SecretRule extends FunctionRule {

    SecretRule(RuleMeta meta, Enum<?>... reads) {
        super(meta, reads);
    }

    /**
     * One flagged secret: where it sits (a variable or tag name, which comes from the account), the detector that
     * matched, its keyed fingerprint, and what the finding relates for it.
     */
    record Flagged(String where, String detector, String fingerprint, String related) {
        String label() {
            return Details.safe(where) + " (" + detector + ", fingerprint " + fingerprint + ")";
        }
    }

    protected abstract List<Flagged> flagged(LambdaFunction function);

    /** The finding's detail around the labels of the secrets found. */
    protected abstract String detail(String labels);

    @Override
    protected final Optional<Violation> check(RuleContext context, FunctionScope scope) {
        List<Flagged> flagged = flagged(scope.function());
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(scope.violation(detail(String.join("; ", flagged.stream().map(Flagged::label).toList())),
                flagged.stream().map(Flagged::related).toList()));
    }
}
