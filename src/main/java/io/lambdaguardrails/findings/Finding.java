package io.lambdaguardrails.findings;

import java.time.LocalDate;
import java.util.List;

/**
 * One rule violation on one resource, as it appears in every report. {@code findingId} is stable across runs
 * (a hash of rule, account, region and resource), so baselines can tell new findings from old ones.
 * {@code suppression} is null unless {@code status} is SUPPRESSED.
 */
public record Finding(
        String findingId,
        String ruleId,
        String title,
        Family family,
        Severity severity,
        FindingStatus status,
        String accountId,
        String accountName,
        String ouPath,
        String owner,
        String region,
        String resourceType,
        String resourceArn,
        String resourceName,
        List<String> related,
        String detail,
        String remediation,
        LocalDate firstSeen,
        Baseline baseline,
        Suppression suppression) {

    public Finding {
        related = List.copyOf(related);
    }

    public Finding withBaseline(Baseline newBaseline, LocalDate newFirstSeen) {
        return new Finding(findingId, ruleId, title, family, severity, status, accountId, accountName, ouPath, owner,
                region, resourceType, resourceArn, resourceName, related, detail, remediation, newFirstSeen,
                newBaseline, suppression);
    }

    public Finding suppressedBy(Suppression waiver) {
        return new Finding(findingId, ruleId, title, family, severity, FindingStatus.SUPPRESSED, accountId,
                accountName, ouPath, owner, region, resourceType, resourceArn, resourceName, related, detail,
                remediation, firstSeen, baseline, waiver);
    }

    public boolean open() {
        return status == FindingStatus.FAIL;
    }
}
