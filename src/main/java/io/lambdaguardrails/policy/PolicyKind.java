package io.lambdaguardrails.policy;

/** Which part of authorisation a policy plays. */
public enum PolicyKind {
    IDENTITY("identity policy"),
    BOUNDARY("permissions boundary"),
    SCP("SCP"),
    RESOURCE("resource policy");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
