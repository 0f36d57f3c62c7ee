package io.lambdaguardrails.findings;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One rule violation on one resource, as it appears in every report. {@code findingId} is stable across runs
 * (a hash of rule, account, region and resource), so baselines can tell new findings from old ones.
 * {@code suppression} is null unless {@code status} is SUPPRESSED. {@code ageDays} is how long the finding has been
 * reported: whole days from {@code firstSeen} to the day its run finished (null without a {@code firstSeen}); the
 * run's result sets it ({@link #agedOn}).
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
        Suppression suppression,
        Integer ageDays) {

    public Finding {
        related = List.copyOf(related);
    }

    /** A finding whose age its run has not set yet. */
    public Finding(String findingId, String ruleId, String title, Family family, Severity severity,
                   FindingStatus status, String accountId, String accountName, String ouPath, String owner,
                   String region, String resourceType, String resourceArn, String resourceName, List<String> related,
                   String detail, String remediation, LocalDate firstSeen, Baseline baseline, Suppression suppression) {
        this(findingId, ruleId, title, family, severity, status, accountId, accountName, ouPath, owner, region,
                resourceType, resourceArn, resourceName, related, detail, remediation, firstSeen, baseline,
                suppression, null);
    }

    /** The same finding aged on {@code day} (the day its run finished); itself when its age is already that. */
    public Finding agedOn(LocalDate day) {
        Integer age = firstSeen == null || day == null ? null
                : (int) Math.max(0, ChronoUnit.DAYS.between(firstSeen, day));
        if (Objects.equals(age, ageDays)) {
            return this;
        }
        return new Finding(findingId, ruleId, title, family, severity, status, accountId, accountName, ouPath, owner,
                region, resourceType, resourceArn, resourceName, related, detail, remediation, firstSeen, baseline,
                suppression, age);
    }

    public Finding withBaseline(Baseline newBaseline, LocalDate newFirstSeen) {
        return new Finding(findingId, ruleId, title, family, severity, status, accountId, accountName, ouPath, owner,
                region, resourceType, resourceArn, resourceName, related, detail, remediation, newFirstSeen,
                newBaseline, suppression, ageDays);
    }

    public Finding suppressedBy(Suppression waiver) {
        return new Finding(findingId, ruleId, title, family, severity, FindingStatus.SUPPRESSED, accountId,
                accountName, ouPath, owner, region, resourceType, resourceArn, resourceName, related, detail,
                remediation, firstSeen, baseline, waiver, ageDays);
    }

    public boolean open() {
        return status == FindingStatus.FAIL;
    }
}
