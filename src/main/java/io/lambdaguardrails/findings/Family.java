package io.lambdaguardrails.findings;

/** Rule families; the prefix is the middle part of a rule id ({@code LG-NET-001}). */
public enum Family {
    NETWORK("NET", "Network"),
    ACCESS("ACC", "Access"),
    IAM("IAM", "Execution role"),
    RUNTIME("RUN", "Runtime"),
    CODE_SIGNING("SIG", "Code integrity"),
    AUDIT("AUD", "Audit"),
    ORGANIZATION("ORG", "Organisation guardrails"),
    OPERATIONS("OPS", "Operations");

    private final String prefix;
    private final String label;

    Family(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }
}
