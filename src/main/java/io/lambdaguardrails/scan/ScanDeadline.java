package io.lambdaguardrails.scan;

import java.time.Instant;

/**
 * When a scan stops starting accounts. Fixed for a Lambda invocation (its remaining time less a margin); brought
 * forward by a daemon asked to stop. An account not started by then is recorded as TIMEOUT without being entered; an
 * account already running keeps the deadline it started with (its own timeout, or this one if sooner), so it is
 * finished or abandoned at that deadline and the partial result is still published.
 */
public final class ScanDeadline {

    private volatile Instant at;

    private ScanDeadline(Instant at) {
        this.at = at;
    }

    /** Only the per-account deadline applies, until {@link #bringForward} is called. */
    public static ScanDeadline none() {
        return new ScanDeadline(null);
    }

    /** @param at null for none */
    public static ScanDeadline at(Instant at) {
        return new ScanDeadline(at);
    }

    /** The current deadline; null when there is none. */
    public Instant instant() {
        return at;
    }

    /** Moves the deadline to {@code to} unless it is already sooner. */
    public synchronized void bringForward(Instant to) {
        if (at == null || to.isBefore(at)) {
            at = to;
        }
    }
}
