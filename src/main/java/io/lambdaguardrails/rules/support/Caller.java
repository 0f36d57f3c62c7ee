package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.RequestContext;
import io.lambdaguardrails.policy.RequestPrincipal;

/**
 * A caller a resource policy is asked about: who it stands for ({@code kind}, {@code principal} as a report names
 * it), the principal that makes the request, the condition keys it carries and, for callers from other accounts,
 * whether their own identity policies are taken to allow the call (their administrators decide that, not us).
 */
record Caller(InvokerKind kind, String principal, RequestPrincipal who, RequestContext context, boolean ownPoliciesAllow) {

    Caller with(String key, String... values) {
        return new Caller(kind, principal, who, context.with(key, values), ownPoliciesAllow);
    }

    Caller without(String... keys) {
        return new Caller(kind, principal, who, context.without(keys), ownPoliciesAllow);
    }
}
