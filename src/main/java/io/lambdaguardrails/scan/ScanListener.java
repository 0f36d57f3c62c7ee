package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;

/** Progress of a run, for progress bars and per-account log lines. Called from many threads. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
    };

    default void targetsResolved(int accounts) {
    }

    default void accountStarted(String accountId) {
    }

    default void accountFinished(AccountInventory account, AccountOutcome outcome, int done, int total) {
    }

    /** Every account is collected; the rules are evaluated. */
    default void evaluating() {
    }

    /** The reports are being written and published. */
    default void writingReports() {
    }

    /** The run is over, also when it failed: a display on a terminal clears itself. */
    default void finished() {
    }
}
