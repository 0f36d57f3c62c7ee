package io.lambdaguardrails.rules;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Suppression;
import io.lambdaguardrails.policy.Wildcard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A user's decision to accept a finding for a while: what it covers ({@code match}), why, who owns the decision and
 * until when. It applies up to and including {@code expires}; after that the findings it covered are open again.
 */
public record Waiver(String id, Match match, String reason, String owner, LocalDate expires) {

    /**
     * Every given field must match (a missing one matches anything): rule id glob (any case), one of the accounts,
     * one of the regions, resource ARN glob, and every tag on the resource (or, for account-level findings, on the
     * account in Organizations).
     */
    public record Match(String ruleId, List<String> accountIds, List<String> regions, String resourceArn,
                        Map<String, String> tags) {
        public Match {
            accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
            regions = regions == null ? List.of() : List.copyOf(regions);
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        public boolean isEmpty() {
            return ruleId == null && accountIds.isEmpty() && regions.isEmpty() && resourceArn == null && tags.isEmpty();
        }

        boolean matches(Finding finding, Map<String, String> resourceTags) {
            return (ruleId == null || Wildcard.matches(ruleId, finding.ruleId(), true))
                    && (accountIds.isEmpty() || accountIds.contains(finding.accountId()))
                    && (regions.isEmpty() || regions.contains(finding.region()))
                    && (resourceArn == null || Wildcard.matches(resourceArn, finding.resourceArn(), false))
                    && tags.entrySet().stream().allMatch(t -> t.getValue().equals(resourceTags.get(t.getKey())));
        }
    }

    public boolean expiredOn(LocalDate today) {
        return expires.isBefore(today);
    }

    Suppression suppression() {
        return new Suppression(id, reason, owner, expires);
    }
}
