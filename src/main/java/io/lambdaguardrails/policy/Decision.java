package io.lambdaguardrails.policy;

public enum Decision {
    ALLOWED,
    DENIED,
    /** Allowed for some values of the request-context keys the evaluation names, denied for others. */
    DEPENDS_ON_CONTEXT
}
