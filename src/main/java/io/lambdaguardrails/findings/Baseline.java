package io.lambdaguardrails.findings;

/** Whether a finding was already present in the baseline run. */
public enum Baseline {
    NEW, EXISTING
}
