package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.risk.RiskPath;
import io.lambdaguardrails.risk.RiskPaths;
import io.lambdaguardrails.rules.ExpiredWaiver;
import io.lambdaguardrails.rules.RuleMeta;
import io.lambdaguardrails.rules.support.FunctionAccess;
import io.lambdaguardrails.scan.ScanRequest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The full outcome of a run, as written to {@code findings.json} (schema {@value #SCHEMA_VERSION}, documented in
 * {@code src/main/resources/findings.schema.md}). {@code rules} holds the metadata of every rule that produced a
 * finding, so a report can be re-rendered from this file alone. {@code baselineRunId} names the run the findings were
 * compared with (null when there was none); {@code principal} is who ran the scan (the caller's ARN).
 * {@code expiredWaivers} lists waivers of the configuration that no longer apply. {@code riskPaths} ranks the
 * functions by what their findings add up to (highest score first); {@code resolvedRiskPaths} are the baseline's
 * paths whose function no longer has one. Every finding's {@code ageDays} is counted to the day the run finished
 * (UTC), whatever the finding carried, so it always agrees with its {@code firstSeen}; the risk paths are then ranked
 * again ({@link RiskPaths#ranked}), as equal scores go by those ages.
 * {@code rollups} (written, never read back) are the totals by owner, OU and rule, derived from the findings and
 * risk paths.
 */
@JsonIgnoreProperties(value = "rollups", allowGetters = true)
public record ScanResult(
        int schemaVersion,
        String runId,
        Instant startedAt,
        Instant finishedAt,
        Tool tool,
        String principal,
        ScanRequest request,
        List<AccountSummary> accounts,
        List<Coverage> coverage,
        List<NotEvaluated> notEvaluated,
        List<Finding> findings,
        List<ResolvedFinding> resolved,
        List<RuleMeta> rules,
        List<ExpiredWaiver> expiredWaivers,
        String baselineRunId,
        List<RiskPath> riskPaths,
        List<ResolvedRiskPath> resolvedRiskPaths,
        List<FunctionAccess> effectiveAccess) {

    public static final int SCHEMA_VERSION = 1;

    /** A result not yet compared with a baseline. */
    public ScanResult(int schemaVersion, String runId, Instant startedAt, Instant finishedAt, Tool tool,
                      String principal, ScanRequest request, List<AccountSummary> accounts, List<Coverage> coverage,
                      List<NotEvaluated> notEvaluated, List<Finding> findings, List<ResolvedFinding> resolved,
                      List<RuleMeta> rules) {
        this(schemaVersion, runId, startedAt, finishedAt, tool, principal, request, accounts, coverage, notEvaluated,
                findings, resolved, rules, List.of(), null);
    }

    /** A result without risk paths (a file written before they were reported, or not yet ranked). */
    public ScanResult(int schemaVersion, String runId, Instant startedAt, Instant finishedAt, Tool tool,
                      String principal, ScanRequest request, List<AccountSummary> accounts, List<Coverage> coverage,
                      List<NotEvaluated> notEvaluated, List<Finding> findings, List<ResolvedFinding> resolved,
                      List<RuleMeta> rules, List<ExpiredWaiver> expiredWaivers, String baselineRunId) {
        this(schemaVersion, runId, startedAt, finishedAt, tool, principal, request, accounts, coverage, notEvaluated,
                findings, resolved, rules, expiredWaivers, baselineRunId, List.of(), List.of(), List.of());
    }

    public ScanResult {
        accounts = List.copyOf(accounts);
        coverage = List.copyOf(coverage);
        notEvaluated = List.copyOf(notEvaluated);
        LocalDate finishedOn = finishedAt == null ? null : LocalDate.ofInstant(finishedAt, ZoneOffset.UTC);
        findings = findings.stream().map(f -> f.agedOn(finishedOn)).toList();
        resolved = List.copyOf(resolved);
        rules = List.copyOf(rules);
        expiredWaivers = expiredWaivers == null ? List.of() : List.copyOf(expiredWaivers);
        riskPaths = riskPaths == null ? List.of() : RiskPaths.ranked(riskPaths, findings);
        resolvedRiskPaths = resolvedRiskPaths == null ? List.of() : List.copyOf(resolvedRiskPaths);
        effectiveAccess = effectiveAccess == null ? List.of() : List.copyOf(effectiveAccess);
    }

    /** The same run with its findings and risk paths marked against a baseline. */
    public ScanResult withDrift(List<Finding> markedFindings, List<ResolvedFinding> resolvedFindings,
                                List<RiskPath> markedPaths, List<ResolvedRiskPath> resolvedPaths,
                                String comparedWithRunId) {
        return new ScanResult(schemaVersion, runId, startedAt, finishedAt, tool, principal, request, accounts,
                coverage, notEvaluated, markedFindings, resolvedFindings, rules, expiredWaivers, comparedWithRunId,
                markedPaths, resolvedPaths, effectiveAccess);
    }

    /** Derived on every call, so a merged, filtered or re-marked result never carries stale totals. */
    @JsonProperty("rollups")
    public Rollups rollups() {
        return Rollups.of(this);
    }

    public record Tool(String name, String version) {

        /** This build, with the version Maven stamped into it. */
        public static Tool current() {
            return new Tool("lambda-guardrails", ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.application.version", String.class).orElse("dev"));
        }
    }

    /**
     * {@code what} could not be evaluated in that account and region, and why: a collection gap (then {@code ruleId}
     * is null and {@code what} names the collector and API), or a rule that said it could not judge the scope.
     */
    public record NotEvaluated(String accountId, String region, String what, String reason, String ruleId) {

        /** A collection gap. */
        public NotEvaluated(String accountId, String region, String what, String reason) {
            this(accountId, region, what, reason, null);
        }
    }
}
