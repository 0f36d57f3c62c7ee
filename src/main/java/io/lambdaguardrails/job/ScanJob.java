package io.lambdaguardrails.job;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.CollectionPlan;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.RuleEngine;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Scanner;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One run of the pipeline for any entry point (CLI, Lambda, daemon): scan, evaluate, publish, and decide the exit
 * status.
 */
public final class ScanJob {

    private final Scanner scanner;
    private final Clock clock;
    private final ScanResult.Tool tool;
    private final ReportDelivery delivery;

    /** Reports to local folders only. */
    public ScanJob(Scanner scanner, Clock clock, ScanResult.Tool tool) {
        this(scanner, clock, tool, S3Access.unavailable("this entry point writes reports to local folders only"));
    }

    /** @param s3 the caller's S3 client and presigner, for {@code s3://} outputs and baselines */
    public ScanJob(Scanner scanner, Clock clock, ScanResult.Tool tool, S3Access s3) {
        this.scanner = scanner;
        this.clock = clock;
        this.tool = tool;
        this.delivery = new ReportDelivery(s3);
    }

    public JobOutcome run(ScanRequest request, JobOptions options, ScanListener listener, Instant scanDeadline) {
        Instant started = clock.instant();
        String runId = RunId.at(started);
        List<Rule> rules = RuleCatalogue.all().stream().filter(r -> r.meta().enabledByDefault()).toList();
        Snapshot snapshot = scanner.scan(request, runId, scanDeadline, listener,
                CollectionPlan.forRules(rules.stream().map(r -> r.meta().id()).toList()));
        if (options.saveInventory() != null) {
            save(snapshot, options);
        }
        List<Finding> findings = new RuleEngine(rules, Settings.defaults())
                .evaluate(snapshot, LocalDate.ofInstant(started, ZoneOffset.UTC));
        ScanResult result = ScanResults.of(snapshot, request, snapshot.principal(), started, clock.instant(),
                tool, findings, rules.stream().map(Rule::meta).toList());
        ReportDelivery.Outcome report = delivery.deliver(result, options.report());
        return new JobOutcome(report.published(), report.publication().location(),
                status(report.published(), options, report.delivered()), report);
    }

    private static void save(Snapshot snapshot, JobOptions options) {
        try {
            if (options.saveInventory().getParent() != null) {
                Files.createDirectories(options.saveInventory().getParent());
            }
            Json.mapper().writeValue(options.saveInventory().toFile(), snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inventory to " + options.saveInventory(), e);
        }
    }

    static ExitStatus status(ScanResult result, JobOptions options, boolean delivered) {
        boolean overThreshold = options.failOn() != null && result.findings().stream()
                .anyMatch(f -> f.open() && f.severity().atLeast(options.failOn()));
        boolean incomplete = result.coverage().stream().anyMatch(c -> c.status().incomplete()
                && (result.request().discovers() || !isOrganizationRead(c)));
        return ExitStatus.worst(
                delivered ? ExitStatus.OK : ExitStatus.NOT_DELIVERED,
                overThreshold ? ExitStatus.FINDINGS : ExitStatus.OK,
                incomplete ? ExitStatus.INCOMPLETE : ExitStatus.OK);
    }

    /**
     * Without --org/--ou, Organizations is read only for context (account names, the org's boundary); failing to
     * read it is reported but does not make the scan of the named accounts incomplete.
     */
    private static boolean isOrganizationRead(Coverage c) {
        return "organizations".equals(c.collector());
    }
}
