package io.lambdaguardrails.rules.config;

import io.lambdaguardrails.findings.Severity;

/** The user's choice for one rule: turn it on or off, or report its findings at another severity (null: keep). */
public record RuleOverride(Boolean enabled, Severity severity) {
}
