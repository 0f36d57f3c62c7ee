package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;

/** LG-AUD-003: no trail that applies to the account records Lambda data events (Invoke). */
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
        return AccountTrails.withoutTrail(context, Trail::lambdaDataEvents)
                .map(a -> a.violation("No trail applying to the account records Lambda Invoke data events."))
                .toList();
    }
}
