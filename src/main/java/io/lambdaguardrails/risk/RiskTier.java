package io.lambdaguardrails.risk;

/** How urgent a risk path is, from its score and the configured thresholds. */
public enum RiskTier {
    LOW, MEDIUM, HIGH, CRITICAL
}
