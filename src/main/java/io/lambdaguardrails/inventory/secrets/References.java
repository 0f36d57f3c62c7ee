package io.lambdaguardrails.inventory.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whole values that say where a secret lives, not what it is: ARNs, Secrets Manager names that AWS generates
 * ({@code rds!db-<uuid>}), SSM parameter paths, CloudFormation dynamic references, template placeholders and the
 * ciphertext of a KMS-encrypted value.
 */
final class References {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("arn:aws[a-z-]*:\\S*"),
            // Secrets that another service manages are named by it: rds!db-<uuid>, rds!cluster-<uuid>, events!connection/…
            Pattern.compile("(?:rds|redshift|events|appflow|sqlworkbench|ecs|batch)![A-Za-z0-9/_+=.@-]+"),
            Pattern.compile("(?:ssm|secretsmanager|ssm-secure):\\S+"),
            Pattern.compile("(/[A-Za-z0-9_.-]+)+/?"),
            Pattern.compile(".*\\{\\{resolve:[^}]+}}.*"),
            Pattern.compile("\\$\\{[^}]+}|\\$\\([^)]+\\)|#\\{[^}]+}|\\{\\{[^}]+}}|%[A-Za-z_][A-Za-z0-9_]*%"));
    /** CiphertextBlob of a KMS-encrypted value (env vars encrypted with helpers) starts with these bytes. */
    private static final String KMS_CIPHERTEXT_PREFIX = "AQICAH";

    private References() {
    }

    static boolean isReference(String value) {
        String v = value.strip();
        return v.startsWith(KMS_CIPHERTEXT_PREFIX) || PATTERNS.stream().anyMatch(p -> p.matcher(v).matches());
    }
}
