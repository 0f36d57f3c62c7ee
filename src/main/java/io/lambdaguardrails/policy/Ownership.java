package io.lambdaguardrails.policy;

/** Whose an account or organisation is, from the point of view of one account we scan. */
public enum Ownership {
    /** The account the policy belongs to. */
    OWN,
    /** Another account of our organisation (or of {@code org.trustedAccounts}). */
    OURS,
    FOREIGN,
    /** The organisation could not be read and nothing in configuration says. */
    UNKNOWN
}
