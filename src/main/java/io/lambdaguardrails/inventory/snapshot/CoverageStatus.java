package io.lambdaguardrails.inventory.snapshot;

/** The outcome of one collection step. Everything but OK and UNSUPPORTED makes coverage incomplete. */
public enum CoverageStatus {
    OK, ACCESS_DENIED, THROTTLED, UNSUPPORTED, TIMEOUT, ERROR;

    public boolean incomplete() {
        return this != OK && this != UNSUPPORTED;
    }
}
