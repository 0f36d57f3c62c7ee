package io.lambdaguardrails.rules.support;

/** Who a resource policy or function URL lets invoke a function, from the widest to the narrowest. */
public enum InvokerKind {
    /** Anyone on the internet, without signing: a function URL with AuthType NONE. */
    PUBLIC,
    /** Any AWS account, or any service acting for any account's resource. */
    ANY_ACCOUNT,
    /** An account or organisation outside ours — or, when the organisation is unknown, not known to be ours. */
    FOREIGN_ACCOUNT,
    /** Another account of our organisation, or the organisation as a whole. */
    ORGANIZATION,
    /** A principal of the function's own account. */
    OWN_ACCOUNT,
    /** A service principal tied to our source account, organisation or resource. */
    SERVICE_SCOPED,
    /** A service principal that may invoke for any account's resource (confused deputy). */
    SERVICE_UNSCOPED
}
