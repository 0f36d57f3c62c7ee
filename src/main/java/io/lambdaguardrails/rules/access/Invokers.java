package io.lambdaguardrails.rules.access;

import io.lambdaguardrails.rules.Details;
import io.lambdaguardrails.rules.support.Invoker;
import io.lambdaguardrails.rules.support.InvokerKind;

import java.util.List;

/** How the access rules describe invokers in a finding. */
final class Invokers {

    private Invokers() {
    }

    /** {@code , depending on aws:SourceIp} when the grant holds only for some request context; empty otherwise. */
    static String dependence(Invoker invoker) {
        return invoker.dependsOn().isEmpty() ? "" : ", depending on " + String.join(", ", invoker.dependsOn());
    }

    /** The granting statements' ids, each once: what a finding relates. */
    static List<String> statementIds(List<Invoker> invokers) {
        return invokers.stream().flatMap(i -> i.statements().stream()).map(Details::statementId).distinct().toList();
    }

    /** {@code any AWS account}, or the principal made safe. */
    static String label(InvokerKind kind, String principal) {
        return kind == InvokerKind.ANY_ACCOUNT ? "any AWS account" : Details.safe(principal);
    }
}
