package io.lambdaguardrails.job;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.findings.Baseline;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The run as one CloudWatch Embedded Metric Format (EMF) line: CloudWatch Logs turns it into metrics in the
 * {@value #NAMESPACE} namespace, so teams can alarm without parsing reports. No dimensions: one series per metric for
 * the installation. The metric names are documented in the README (Metrics).
 */
public final class RunMetrics {

    public static final String NAMESPACE = "LambdaGuardrails";

    private RunMetrics() {
    }

    /** The metric names and values of a run, in a fixed order. */
    public static Map<String, Number> of(JobOutcome outcome, long apiCalls) {
        ScanResult result = outcome.result();
        Map<String, Number> metrics = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            metrics.put("OpenFindings" + capitalised(severity), result.findings().stream()
                    .filter(f -> f.open() && f.severity() == severity).count());
        }
        metrics.put("NewFindings", result.findings().stream()
                .filter(f -> f.open() && f.baseline() == Baseline.NEW).count());
        metrics.put("ResolvedFindings", result.resolved().size());
        metrics.put("SuppressedFindings", result.findings().stream().filter(f -> !f.open()).count());
        metrics.put("Accounts", result.accounts().size());
        metrics.put("AccountsFullyEvaluated", ScanResults.fullyEvaluated(result));
        metrics.put("CoverageGaps", result.coverage().stream().filter(c -> c.status().incomplete()).count());
        metrics.put("DurationSeconds", result.startedAt() == null || result.finishedAt() == null ? 0
                : Duration.between(result.startedAt(), result.finishedAt()).toMillis() / 1000.0);
        metrics.put("ApiCalls", apiCalls);
        metrics.put("ExitCode", outcome.status().code());
        return metrics;
    }

    /** The EMF JSON object, one line. */
    public static String emf(JobOutcome outcome, long apiCalls, Instant now) {
        Map<String, Number> metrics = of(outcome, apiCalls);
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        ObjectNode aws = line.putObject("_aws").put("Timestamp", now.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray();
        ArrayNode definitions = directive.putArray("Metrics");
        metrics.forEach((name, value) -> {
            definitions.addObject().put("Name", name).put("Unit", unit(name));
            if (value instanceof Double d) {
                line.put(name, d);
            } else {
                line.put(name, value.longValue());
            }
        });
        line.put("runId", outcome.result().runId());
        line.put("status", outcome.status().name());
        return line.toString();
    }

    private static String unit(String name) {
        return name.equals("DurationSeconds") ? "Seconds" : name.equals("ExitCode") ? "None" : "Count";
    }

    private static String capitalised(Severity severity) {
        String name = severity.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
