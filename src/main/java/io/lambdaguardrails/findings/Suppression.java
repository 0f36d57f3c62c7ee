package io.lambdaguardrails.findings;

import java.time.LocalDate;

/** The waiver that suppressed a finding. */
public record Suppression(String waiverId, String reason, String owner, LocalDate expires) {
}
