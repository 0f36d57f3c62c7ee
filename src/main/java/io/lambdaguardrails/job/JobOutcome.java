package io.lambdaguardrails.job;

import io.lambdaguardrails.report.ScanResult;

/** What a run produced, where it went, and how it ends. */
public record JobOutcome(ScanResult result, String location, ExitStatus status) {
}
