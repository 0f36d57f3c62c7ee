package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Finding;

import java.util.List;

/**
 * What one evaluation produced: every finding, the waivers that had expired by the evaluation's date, and the scopes
 * rules could not judge.
 */
public record Evaluation(List<Finding> findings, List<ExpiredWaiver> expiredWaivers, List<NotEvaluated> notEvaluated) {

    public Evaluation {
        findings = List.copyOf(findings);
        expiredWaivers = List.copyOf(expiredWaivers);
        notEvaluated = List.copyOf(notEvaluated);
    }
}
