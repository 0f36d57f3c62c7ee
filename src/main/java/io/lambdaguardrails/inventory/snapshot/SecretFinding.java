package io.lambdaguardrails.inventory.snapshot;

/**
 * Where a secret-looking value was found and by which detector; the value itself was dropped at collection.
 * {@code location} is {@code env:NAME}, {@code tag:KEY} or {@code description}.
 */
public record SecretFinding(String location, String detector, String fingerprint) {
}
