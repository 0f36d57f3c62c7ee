package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * LG-AUD-002: a trail is not logging or reports a delivery error. Each trail is judged once, in the account that
 * owns it, from the copy read in its home region.
 */
public final class TrailNotHealthy extends Rule {

    public static final RuleMeta META = new RuleMeta("LG-AUD-002", "Trail is not logging or fails to deliver",
            Family.AUDIT, Severity.HIGH, true,
            "A trail that was stopped, or whose bucket or key policy rejects delivery, looks like audit coverage in "
                    + "inventories while recording nothing. Stopping a trail is also a classic step of an attacker "
                    + "covering their tracks.",
            "Restart logging (aws cloudtrail start-logging --name TRAIL) and fix the delivery error reported by aws "
                    + "cloudtrail get-trail-status --name TRAIL — usually the S3 bucket policy or the KMS key policy "
                    + "of the destination.",
            List.of("https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetTrailStatus.html",
                    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html"),
            List.of("FSBP CloudTrail.1", "AWS Config CLOUD_TRAIL_ENABLED"));

    public TrailNotHealthy() {
        super(META, AccountInventory.Part.TRAILS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        List<Violation> violations = new ArrayList<>();
        context.accounts().forEach(account -> AccountTrails.owned(account)
                .forEach(t -> problems(t).ifPresent(problem -> violations.add(new Violation(account.accountId(),
                        Objects.requireNonNullElse(t.homeRegion(), ""), "AWS::CloudTrail::Trail", t.arn(), t.name(),
                        List.of(), "Trail " + t.name() + " " + problem + ".")))));
        return violations;
    }

    private static Optional<String> problems(Trail trail) {
        List<String> problems = new ArrayList<>();
        if (Boolean.FALSE.equals(trail.isLogging())) {
            problems.add("is not logging");
        }
        if (trail.latestDeliveryError() != null && !trail.latestDeliveryError().isBlank()) {
            problems.add("reports a delivery error (" + trail.latestDeliveryError() + ")");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", problems));
    }
}
