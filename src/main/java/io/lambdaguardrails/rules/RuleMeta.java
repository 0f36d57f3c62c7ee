package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;

import java.util.List;

/**
 * What a rule is and why it matters. {@code standards} maps it to controls users report against
 * (Security Hub FSBP ids such as {@code Lambda.1}, AWS Config managed rule identifiers).
 */
public record RuleMeta(
        String id,
        String title,
        Family family,
        Severity defaultSeverity,
        boolean enabledByDefault,
        String rationale,
        String remediation,
        List<String> references,
        List<String> standards) {

    public RuleMeta {
        references = List.copyOf(references);
        standards = List.copyOf(standards);
    }
}
