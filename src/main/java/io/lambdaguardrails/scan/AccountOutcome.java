package io.lambdaguardrails.scan;

/** How one account's collection ended, as progress displays and per-account log lines tell it. */
public enum AccountOutcome {
    /** Everything asked for was read, or failed call by call (coverage says which). */
    SCANNED,
    /** The account's deadline (or the scan's) came first: what finished by then is kept. */
    TIMED_OUT,
    /** The account could not be entered (role not assumable, or the scan failed for it). */
    NOT_ENTERED
}
