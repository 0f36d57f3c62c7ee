package io.lambdaguardrails.job;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.integrations.IntegrationOptions;
import io.lambdaguardrails.rules.config.GuardrailsConfig;
import io.lambdaguardrails.sink.ReportDelivery;

import java.nio.file.Path;

/**
 * How a run is evaluated and reported, beside what it scans.
 *
 * @param report        where and how the reports are written (output, formats, template, baseline, encryption…)
 * @param failOn        open findings at or above this severity make the run exit 1; null: never
 * @param saveInventory where to write the collected snapshot as JSON; null: nowhere
 * @param config        rule settings, overrides and waivers (the user's {@code guardrails.yaml})
 * @param runId         the run's id, when given (shards of one run share it); null: a new one from the start time
 * @param failOnNew     open findings NEW since the baseline at or above this severity make the run exit 1; null: never
 * @param integrations  Security Hub import and notifications after publishing
 */
public record JobOptions(ReportDelivery.Options report, Severity failOn, Path saveInventory, GuardrailsConfig config,
                         String runId, Severity failOnNew, IntegrationOptions integrations) {

    public static final String DEFAULT_OUTPUT = ReportDelivery.LOCAL_FOLDER;

    public JobOptions {
        config = config == null ? GuardrailsConfig.defaults() : config;
        integrations = integrations == null ? IntegrationOptions.NONE : integrations;
    }

    /** Reports only: no gate on new findings, no integrations. */
    public JobOptions(ReportDelivery.Options report, Severity failOn, Path saveInventory, GuardrailsConfig config,
                      String runId) {
        this(report, failOn, saveInventory, config, runId, null, IntegrationOptions.NONE);
    }

    /** The default reports (every format, bundled template, baseline {@code auto}) at {@code output}, default rules. */
    public JobOptions(String output, Severity failOn, Path saveInventory) {
        this(ReportDelivery.Options.defaults(output), failOn, saveInventory, null, null);
    }

    public String output() {
        return report.output();
    }
}
