package io.lambdaguardrails.inventory.snapshot;

/** A managed policy's default version. {@code awsManaged} tells AWS-managed from customer-managed. */
public record ManagedPolicy(String arn, String name, boolean awsManaged, String document) {
}
