package io.lambdaguardrails.sink;

/** FULL writes the run folder and then replaces {@code latest/}; PARTIAL (a shard) writes the run folder only. */
public enum PublishMode {
    FULL, PARTIAL
}
