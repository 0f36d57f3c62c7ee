package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.RegionScope;

import java.util.stream.Stream;

/** Region-level audit rules look only at scanned regions that hold at least one function. */
final class RegionsWithFunctions {

    private RegionsWithFunctions() {
    }

    static Stream<RegionScope> of(RuleContext context) {
        return context.regions().filter(r -> !r.region().functions().isEmpty());
    }
}
