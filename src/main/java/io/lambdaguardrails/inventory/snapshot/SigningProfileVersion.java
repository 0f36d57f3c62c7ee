package io.lambdaguardrails.inventory.snapshot;

/** The state of an AWS Signer profile version ({@code Active}, {@code Canceled} or {@code Revoked}). */
public record SigningProfileVersion(String profileVersionArn, String profileName, String status) {
}
