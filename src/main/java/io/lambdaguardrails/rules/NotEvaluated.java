package io.lambdaguardrails.rules;

/**
 * A scope a rule could not judge, and why: the data it needs there was not read (an organisation trail whose owner
 * could not be entered, an analyzer list that could not be listed…). Reported beside the findings, never as one.
 *
 * @param region a region, or {@code global} for account-wide rules
 */
public record NotEvaluated(String ruleId, String accountId, String region, String reason) {
}
