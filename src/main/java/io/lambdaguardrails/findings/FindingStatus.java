package io.lambdaguardrails.findings;

/** FAIL is an open finding; SUPPRESSED is one a waiver covers, kept in the report with the waiver's reason. */
public enum FindingStatus {
    FAIL, SUPPRESSED
}
