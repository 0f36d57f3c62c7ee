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
 * LG-AUD-003: no trail that applies to the account records Lambda data events (Invoke). Not evaluated, with the
 * reason, while a trail's event selectors were not read.
 */
public final class NoLambdaDataEvents extends Rule {

    public static final RuleMeta META = new RuleMeta("LG-AUD-003", "No trail records Lambda data events",
            Family.AUDIT, Severity.LOW, true,
            "Management events show configuration changes but not who invoked a function. Lambda data events "
                    + "(Invoke) record each caller, which is what an investigation of a misused public or "
                    + "cross-account function needs. They cost per event, so many organisations record them for "
                    + "selected functions only — any trail recording them counts here.",
            "Add Lambda data events to a trail, for all functions or selected ones: aws cloudtrail "
                    + "put-event-selectors --trail-name TRAIL --advanced-event-selectors "
                    + "'[{\"FieldSelectors\":[{\"Field\":\"eventCategory\",\"Equals\":[\"Data\"]},"
                    + "{\"Field\":\"resources.type\",\"Equals\":[\"AWS::Lambda::Function\"]}]}]'.",
            List.of("https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html"),
            List.of());

    public NoLambdaDataEvents() {
        super(META, AccountInventory.Part.TRAILS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        return AccountTrails.failing(context, Trail::lambdaDataEvents)
                .map(a -> a.violation("No trail applying to the account records Lambda Invoke data events."))
                .toList();
    }

    @Override
    public List<NotEvaluated> notEvaluated(RuleContext context) {
        return AccountTrails.undecided(context, Trail::lambdaDataEvents, "Lambda data events")
                .map(u -> cannotJudge(u.accountId(), Coverage.GLOBAL, u.reason())).toList();
    }
}
