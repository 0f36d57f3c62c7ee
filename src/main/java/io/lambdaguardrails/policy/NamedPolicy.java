package io.lambdaguardrails.policy;

/** A policy with the name a report uses for it (an inline policy's name, a managed policy's ARN, an SCP's name). */
public record NamedPolicy(String name, PolicyDocument document) {
}
