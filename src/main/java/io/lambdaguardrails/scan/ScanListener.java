package io.lambdaguardrails.scan;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;

/** Progress of a scan, for progress bars and per-account log lines. Called from many threads. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
    };

    default void targetsResolved(int accounts) {
    }

    default void accountStarted(String accountId) {
    }

    default void accountFinished(AccountInventory account, int done, int total) {
    }
}
