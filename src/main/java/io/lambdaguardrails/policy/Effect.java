package io.lambdaguardrails.policy;

public enum Effect {
    ALLOW, DENY
}
