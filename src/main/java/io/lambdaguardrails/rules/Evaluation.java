package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Finding;

import java.util.List;

/** What one evaluation produced: every finding, and the waivers that had expired by the evaluation's date. */
public record Evaluation(List<Finding> findings, List<ExpiredWaiver> expiredWaivers) {

    public Evaluation {
        findings = List.copyOf(findings);
        expiredWaivers = List.copyOf(expiredWaivers);
    }
}
