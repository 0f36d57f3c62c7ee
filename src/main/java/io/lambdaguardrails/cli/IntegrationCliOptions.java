package io.lambdaguardrails.cli;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.integrations.IntegrationOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;

import java.util.List;

/** Where a run's findings go beyond the reports: Security Hub and notifications ({@code scan}, {@code daemon}). */
public class IntegrationCliOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--security-hub", arity = "0..1", fallbackValue = "", paramLabel = "REGION", description = "Import the findings into Security Hub of the scanning account (BatchImportFindings; resolved ones ARCHIVED), in REGION (default: the --region). A failure is a delivery warning and exit 4.")
    String securityHub;

    @Option(names = "--notify", paramLabel = "sns:ARN|URL", description = "After publishing, send one message when there are NEW open findings at or above --notify-on or new coverage gaps: to an SNS topic (sns:arn:aws:sns:…) or a Slack/Teams-compatible webhook (https://…). Repeatable.")
    List<String> notify = List.of();

    @Option(names = "--notify-on", paramLabel = "SEVERITY", description = "Lowest severity of a new finding worth a notification (default: ${DEFAULT-VALUE}).", defaultValue = "HIGH")
    Severity notifyOn;

    /** @throws ParameterException (exit 2) for a target that is neither an SNS topic ARN nor a webhook URL */
    public IntegrationOptions toOptions(Region homeRegion, boolean partial) {
        try {
            var options = IntegrationOptions.parse(securityHub == null ? null
                    : securityHub.isBlank() ? homeRegion.id() : securityHub, notify, notifyOn);
            if (partial && options.any()) {
                throw new IllegalArgumentException("--security-hub and --notify act on the merged run, not on a shard's "
                        + "--partial result");
            }
            return options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
