package io.lambdaguardrails.rules;

import java.time.LocalDate;

/** A waiver past its expiry date, with how many open findings it would still have covered. */
public record ExpiredWaiver(String waiverId, String reason, String owner, LocalDate expires, int wouldMatch) {
}
