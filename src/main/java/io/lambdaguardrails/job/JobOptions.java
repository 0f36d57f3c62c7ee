package io.lambdaguardrails.job;

import io.lambdaguardrails.findings.Severity;

import java.nio.file.Path;

/**
 * How a run is reported, beside what it scans.
 *
 * @param output        a local folder or {@code s3://bucket/prefix}
 * @param failOn        open findings at or above this severity make the run exit 1; null: never
 * @param saveInventory where to write the collected snapshot as JSON; null: nowhere
 */
public record JobOptions(String output, Severity failOn, Path saveInventory) {

    public static final String DEFAULT_OUTPUT = "lambda-guardrails-reports";
}
