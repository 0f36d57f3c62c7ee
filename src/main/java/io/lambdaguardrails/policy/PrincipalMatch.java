package io.lambdaguardrails.policy;

/** How a resource policy's principal matches a caller; the kind decides whether identity policies must also allow. */
enum PrincipalMatch {
    NONE,
    /** The caller's account ({@code 111122223333}, {@code arn:aws:iam::111122223333:root}): delegates to identity policies. */
    ACCOUNT,
    /** The role whose session calls: the permissions boundary still applies. */
    SESSION_ROLE,
    /** The caller itself, {@code *}, or the service. */
    DIRECT
}
