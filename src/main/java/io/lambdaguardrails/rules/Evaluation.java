package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.rules.support.FunctionAccess;

import java.util.List;

/**
 * What one evaluation produced: every finding, the waivers that had expired by the evaluation's date, the scopes
 * rules could not judge, and the functions' effective access that the access rules judged from.
 */
public record Evaluation(List<Finding> findings, List<ExpiredWaiver> expiredWaivers, List<NotEvaluated> notEvaluated,
                         List<FunctionAccess> effectiveAccess) {

    public Evaluation {
        findings = List.copyOf(findings);
        expiredWaivers = List.copyOf(expiredWaivers);
        notEvaluated = List.copyOf(notEvaluated);
        effectiveAccess = List.copyOf(effectiveAccess);
    }
}
