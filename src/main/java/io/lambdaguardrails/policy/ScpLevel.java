package io.lambdaguardrails.policy;

import java.util.List;

/** The SCPs attached at one level of an account's path (the root, an OU, the account): one of them must allow. */
public record ScpLevel(String target, List<NamedPolicy> policies) {

    public ScpLevel {
        policies = List.copyOf(policies);
    }
}
