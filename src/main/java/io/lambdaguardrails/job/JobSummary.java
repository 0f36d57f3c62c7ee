package io.lambdaguardrails.job;

import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.inventory.snapshot.Coverage;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.sink.Publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run in a few lines, for entry points without a terminal: the Lambda function returns it, the daemon logs it.
 *
 * @param openFindings   open findings by severity, most severe first, zeros included (alarm on a key, not its presence)
 * @param coverageGaps   the first {@value #MAX_GAPS} gaps; {@code coverageGapCount} counts them all
 * @param location       where the run's reports are: its folder at the output, or the local fallback folder
 * @param reports        the objects written where asked, in order
 * @param links          report file name → link a browser opens (pre-signed for S3)
 */
public record JobSummary(String runId, String status, int exitCode, String meaning, int accounts, long fullyEvaluated,
                         Map<String, Integer> openFindings, int coverageGapCount, List<Gap> coverageGaps,
                         boolean delivered, String location, List<String> reports, Map<String, String> links,
                         List<String> warnings) {

    public static final int MAX_GAPS = 50;

    /** What one collector could not read, and why. */
    public record Gap(String accountId, String region, String collector, String api, String status, String message) {
        static Gap of(Coverage c) {
            return new Gap(c.accountId(), c.region(), c.collector(), c.api(), c.status().name(), c.message());
        }
    }

    public static JobSummary of(JobOutcome outcome) {
        ScanResult result = outcome.result();
        Map<String, Integer> open = new LinkedHashMap<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            open.put(severity.name(), (int) result.findings().stream()
                    .filter(Finding::open).filter(f -> f.severity() == severity).count());
        }
        List<Coverage> gaps = result.coverage().stream().filter(c -> c.status().incomplete()).toList();
        Publication publication = outcome.report().publication();
        Map<String, String> links = new LinkedHashMap<>();
        outcome.report().links().forEach(link -> links.put(link.format().fileName(), link.uri().toString()));
        return new JobSummary(result.runId(), outcome.status().name(), outcome.status().code(),
                outcome.status().meaning(), result.accounts().size(), ScanResults.fullyEvaluated(result), open,
                gaps.size(), gaps.stream().limit(MAX_GAPS).map(Gap::of).toList(), publication.delivered(),
                outcome.location(), publication.written(), links, outcome.report().warnings());
    }

    /** One line for a log. */
    public String describe() {
        StringBuilder line = new StringBuilder("run ").append(runId).append(": exit ").append(exitCode).append(" (")
                .append(meaning).append("), ").append(fullyEvaluated).append(" of ").append(accounts)
                .append(" account(s) fully evaluated, open findings ");
        openFindings.forEach((severity, count) -> line.append(severity).append(' ').append(count).append(' '));
        line.append("- ").append(coverageGapCount).append(" coverage gap(s); reports ")
                .append(delivered ? "at " : "NOT DELIVERED, saved at ").append(location);
        return line.toString();
    }
}
