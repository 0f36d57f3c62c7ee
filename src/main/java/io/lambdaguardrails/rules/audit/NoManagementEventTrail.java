package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.NotEvaluated;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;

/**
 * LG-AUD-001: no multi-region trail that is logging records write management events for the account (its own trails
 * or an organisation trail). Not evaluated, with the reason, while a candidate trail's status or selectors were not
 * read — typically an organisation trail whose owning management account could not be entered.
 */
public final class NoManagementEventTrail extends Rule {

    public static final RuleMeta META = new RuleMeta("LG-AUD-001",
            "No logging multi-region trail records management events", Family.AUDIT, Severity.HIGH, true,
            "CloudTrail management events are the record of who changed what: CreateFunction, "
                    + "UpdateFunctionCode, UpdateFunctionConfiguration, AddPermission, CreateEventSourceMapping. "
                    + "Without a logging, multi-region trail (of the account or of the organisation), changes to "
                    + "functions, their policies and roles in any region go unrecorded beyond the 90-day event history.",
            "Create a multi-region trail, or an organisation trail from the management account: aws cloudtrail "
                    + "create-trail --name org-trail --s3-bucket-name BUCKET --is-multi-region-trail "
                    + "--is-organization-trail && aws cloudtrail start-logging --name org-trail "
                    + "(IaC: AWS::CloudTrail::Trail with IsMultiRegionTrail and IsLogging).",
            List.of("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html"),
            List.of("FSBP CloudTrail.1", "AWS Config MULTI_REGION_CLOUD_TRAIL_ENABLED"));

    public NoManagementEventTrail() {
        super(META, AccountInventory.Part.TRAILS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        return AccountTrails.failing(context, NoManagementEventTrail::qualifies)
                .map(a -> a.violation(a.trails().isEmpty() ? "No CloudTrail trail applies to the account."
                        : "None of the trails (" + String.join(", ", a.trails().stream().map(Trail::name).toList())
                        + ") is a logging multi-region trail recording write management events."))
                .toList();
    }

    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return AccountTrails.undecided(context, NoManagementEventTrail::qualifies, "write management events")
                .map(u -> cannotJudge(u.accountId(), Coverage.GLOBAL, u.reason())).toList();
    }

    /** A logging multi-region trail recording write management events; null when that hangs on parts not read. */
    private static Boolean qualifies(Trail trail) {
        if (!trail.multiRegion() || Boolean.FALSE.equals(trail.managementEvents()) || Boolean.FALSE.equals(trail.isLogging())) {
            return false;
        }
        return trail.managementEvents() == null || trail.isLogging() == null ? null : true;
    }
}
