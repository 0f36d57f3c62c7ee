package io.lambdaguardrails.job;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.sink.ReportDelivery;

import java.nio.file.Path;

/**
 * How a run is reported, beside what it scans.
 *
 * @param report        where and how the reports are written (output, formats, template, baseline, encryption…)
 * @param failOn        open findings at or above this severity make the run exit 1; null: never
 * @param saveInventory where to write the collected snapshot as JSON; null: nowhere
 */
public record JobOptions(ReportDelivery.Options report, Severity failOn, Path saveInventory) {

    public static final String DEFAULT_OUTPUT = ReportDelivery.LOCAL_FOLDER;

    /** The default reports (every format, bundled template, baseline {@code auto}) at {@code output}. */
    public JobOptions(String output, Severity failOn, Path saveInventory) {
        this(ReportDelivery.Options.defaults(output), failOn, saveInventory);
    }

    public String output() {
        return report.output();
    }
}
