package io.lambdaguardrails.permissions;

import java.util.Arrays;
import java.util.Locale;

/** The two principals that need IAM permissions, each with its policy document shipped as a resource. */
public enum PermissionSet {
    /** The principal that runs the scan: reads the organisation, assumes member roles, writes reports. */
    SCANNER("iam/scanner-policy.json"),
    /** The read-only role in every member account. */
    MEMBER("iam/member-policy.json");

    private final String resource;

    PermissionSet(String resource) {
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }

    /** The name users type ({@code scanner}, {@code member}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PermissionSet fromCliName(String name) {
        return Arrays.stream(values())
                .filter(set -> set.cliName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "expected 'scanner' or 'member', got '" + name + "'"));
    }
}
