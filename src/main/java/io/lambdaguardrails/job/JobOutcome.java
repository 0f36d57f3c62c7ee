package io.lambdaguardrails.job;

import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.ReportDelivery;

/**
 * What a run produced, where it went, and how it ends. {@code result} is the result as published (findings marked
 * against the baseline); {@code report} says what was written, any fallback folder and the links.
 */
public record JobOutcome(ScanResult result, String location, ExitStatus status, ReportDelivery.Outcome report) {
}
