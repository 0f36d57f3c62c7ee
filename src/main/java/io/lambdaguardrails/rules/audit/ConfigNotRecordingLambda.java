package io.lambdaguardrails.rules.audit;

import io.lambdaguardrails.inventory.snapshot.AuditPosture;
import io.lambdaguardrails.rules.support.AccountResource;

import io.lambdaguardrails.findings.Family;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.ConfigRecorder;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleContext;
import io.lambdaguardrails.rules.RuleContext.RegionScope;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Violation;

import java.util.List;
import java.util.Optional;

/**
 * LG-AUD-004: in a region with functions, no AWS Config recorder is recording Lambda functions (whatever the form of
 * its recording group), or the recorder's last status is FAILURE.
 */
public final class ConfigNotRecordingLambda extends Rule {

    public static final RuleMeta META = new RuleMeta("LG-AUD-004", "AWS Config does not record Lambda functions",
            Family.AUDIT, Severity.MEDIUM, true,
            "AWS Config keeps the configuration history of each function and its execution role and evaluates "
                    + "Config rules against them. Without a healthy recorder that includes AWS::Lambda::Function, "
                    + "there is no history to answer when a function became public or lost its VPC attachment, and "
                    + "Lambda Config rules evaluate nothing.",
            "Record Lambda functions in the region: aws configservice put-configuration-recorder "
                    + "--configuration-recorder name=default,roleARN=ROLE --recording-group allSupported=true "
                    + "(or add AWS::Lambda::Function to resourceTypes) and aws configservice "
                    + "start-configuration-recorder --configuration-recorder-name default; fix delivery if the last "
                    + "status is FAILURE.",
            List.of("https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
                    "https://docs.aws.amazon.com/lambda/latest/dg/governance-config.html"),
            List.of("FSBP Config.1"));

    public ConfigNotRecordingLambda() {
        super(META, AuditPosture.Part.RECORDERS);
    }

    @Override
    public List<Violation> evaluate(RuleContext context) {
        return RegionsWithFunctions.of(context).flatMap(r -> check(r).stream()).toList();
    }

    private static Optional<Violation> check(RegionScope scope) {
        AuditPosture audit = scope.region().audit();
        List<ConfigRecorder> recorders = audit.recorders();
        if (!audit.collected(AuditPosture.Part.RECORDERS) || recorders.stream().anyMatch(ConfigNotRecordingLambda::healthy)) {
            return Optional.empty();
        }
        String why = recorders.isEmpty() ? "No AWS Config recorder exists in the region."
                : "AWS Config recorder(s) " + String.join("; ", recorders.stream().map(ConfigNotRecordingLambda::describe).toList()) + ".";
        return Optional.of(AccountResource.inRegion(scope, why));
    }

    private static boolean healthy(ConfigRecorder recorder) {
        return recorder.recordsLambda() && recorder.recording() && recorder.lastStatus() != ConfigRecorder.LastStatus.FAILURE;
    }

    private static String describe(ConfigRecorder recorder) {
        if (!recorder.recordsLambda()) {
            return recorder.name() + " does not include Lambda functions";
        }
        if (!recorder.recording()) {
            return recorder.name() + " is stopped";
        }
        return recorder.name() + " last failed";
    }
}
