package io.lambdaguardrails.cli;

import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SplitBy;
import io.lambdaguardrails.sink.Baselines;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Location;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how a command publishes its reports ({@code scan}, {@code merge}). {@link #toOptions()} checks everything
 * it can before any scanning starts, so a typo costs seconds rather than a whole scan.
 */
public class ReportOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    OutputOptions output;

    @Option(names = "--format", paramLabel = "LIST", description = "Reports to write, comma-separated: html, csv, json, asff (AWS Security Finding Format, for Security Hub), ocsf (OCSF Detection Finding) (default: ${DEFAULT-VALUE}).", defaultValue = "html,csv,json")
    String formats;

    @Option(names = "--baseline", paramLabel = "auto|none|FILE|s3://…", description = "Run to compare with, marking findings NEW or EXISTING and listing resolved ones: 'auto' (default) reads latest/findings.json at the output before replacing it; 'none'; or a findings.json path or s3:// URI.")
    String baseline;

    @Option(names = "--partial", description = "Write only this run's folder (a shard's result): never latest/, never compared with a baseline. Combine shards with 'merge'.")
    boolean partial;

    @Option(names = "--fallback-dir", paramLabel = "DIR", description = "Where reports are saved when the output cannot take them (default: ./" + ReportDelivery.LOCAL_FOLDER + " for an S3 output, else a new private folder in the temporary folder).")
    Path fallbackDir;

    @Option(names = "--link-expiry", paramLabel = "DURATION", description = "How long the pre-signed links to this run's S3 reports stay valid, at most 7 days (default: ${DEFAULT-VALUE}). They are printed only to a terminal, or into the JSON summary.", defaultValue = "24h", converter = DurationConverter.class)
    Duration linkExpiry;

    @Option(names = "--split-by", paramLabel = "owner|account|ou", description = "Also write one small report set (report.html, findings.csv, risk-paths.csv, findings.json) per owner (the owner tag; 'unowned' for resources without one), account or OU, under views/<kind>/<name>/ of the run folder and latest/, so each team can be sent its own page. Names are made safe for S3 keys and file names.")
    String splitBy;

    /** @throws ParameterException (exit 2) for anything a user can fix on the command line */
    public ReportDelivery.Options toOptions() {
        try {
            if (baseline != null && !baseline.equals(Baselines.AUTO) && !baseline.equals(Baselines.NONE)
                    && !S3Location.isS3(baseline) && !Files.isRegularFile(Path.of(baseline))) {
                throw new IllegalArgumentException("--baseline " + baseline + ": no such file");
            }
            if (S3Location.isS3(output.location)) {
                S3Location.parse(output.location);
            }
            return new ReportDelivery.Options(output.location, ReportFormat.parseList(formats), output.html(),
                    baseline, partial ? PublishMode.PARTIAL : PublishMode.FULL, output.encryption(),
                    fallbackDir != null ? fallbackDir : ReportDelivery.defaultFallbackRoot(output.location), linkExpiry,
                    splitBy == null ? null : SplitBy.parse(splitBy));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}
