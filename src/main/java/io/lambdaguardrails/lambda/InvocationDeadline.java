package io.lambdaguardrails.lambda;

import io.lambdaguardrails.scan.ScanDeadline;

import java.time.Duration;
import java.time.Instant;

/**
 * When the scan of one invocation stops starting accounts: Lambda's deadline less a margin kept for evaluating and
 * publishing, so partial results are written before Lambda ends the invocation. The accounts still running keep
 * their own deadline, which this one also caps.
 */
final class InvocationDeadline {

    /** Lambda never allows more than this; a larger remaining time is not a real deadline (a local test server). */
    static final Duration MAX_INVOCATION = Duration.ofMinutes(15);

    private InvocationDeadline() {
    }

    /**
     * @param remainingMillis {@code Context.getRemainingTimeInMillis()}; outside (0, 15 min] it is not a usable
     *                        deadline, and only the per-account deadline applies
     */
    static ScanDeadline of(long remainingMillis, Duration margin, Instant now) {
        if (remainingMillis <= 0 || remainingMillis > MAX_INVOCATION.toMillis()) {
            return ScanDeadline.none();
        }
        Duration usable = Duration.ofMillis(remainingMillis).minus(margin);
        return ScanDeadline.at(usable.isNegative() ? now : now.plus(usable));
    }
}
