package io.lambdaguardrails.report;

import io.lambdaguardrails.findings.Severity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The runs of one month (UTC, by start) that have left the detailed part of {@code history.json}: how many there
 * were, the new and resolved findings they reported together, and where the month ended (its last run's open
 * findings and fully evaluated accounts).
 */
public record MonthSummary(
        String month,
        int runs,
        String firstRunId,
        Instant firstStartedAt,
        String lastRunId,
        Instant lastStartedAt,
        Map<Severity, Integer> lastOpen,
        int lastAccountsFullyEvaluated,
        int newFindings,
        int resolvedFindings) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    public MonthSummary {
        lastOpen = Map.copyOf(lastOpen);
    }

    static String monthOf(RunEntry run) {
        return MONTH.format(run.startedAt());
    }

    static MonthSummary of(RunEntry run) {
        return new MonthSummary(monthOf(run), 1, run.runId(), run.startedAt(), run.runId(), run.startedAt(),
                run.open(), run.accountsFullyEvaluated(), run.newFindings(), run.resolvedFindings());
    }

    /** This month with one more of its runs folded in. */
    MonthSummary plus(RunEntry run) {
        boolean earlier = run.startedAt().isBefore(firstStartedAt);
        boolean later = !run.startedAt().isBefore(lastStartedAt);
        return new MonthSummary(month, runs + 1,
                earlier ? run.runId() : firstRunId, earlier ? run.startedAt() : firstStartedAt,
                later ? run.runId() : lastRunId, later ? run.startedAt() : lastStartedAt,
                later ? run.open() : lastOpen, later ? run.accountsFullyEvaluated() : lastAccountsFullyEvaluated,
                newFindings + run.newFindings(), resolvedFindings + run.resolvedFindings());
    }
}
