package io.lambdaguardrails.rules;

import java.time.LocalDate;

/** AWS's published dates for one managed runtime; a null date is not announced. */
public record RuntimeLifecycle(LocalDate deprecation, LocalDate blockCreate, LocalDate blockUpdate) {
}
