package io.lambdaguardrails.daemon;

import io.quarkus.scheduler.Scheduler.JobDefinition;

import java.time.Duration;
import java.time.ZoneId;

/**
 * When the daemon scans: a Unix cron expression ({@code 0 2 * * *}, minute resolution, in {@code timeZone}) or a fixed
 * interval, exactly one of them.
 */
public record Schedule(String cron, Duration every, ZoneId timeZone) {

    public Schedule {
        if ((cron == null) == (every == null)) {
            throw new IllegalArgumentException("give exactly one of --cron and --every");
        }
        if (every != null && every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--every must be at least 1s");
        }
        if (cron != null && cron.isBlank()) {
            throw new IllegalArgumentException("--cron is empty; write e.g. \"0 2 * * *\" (02:00 every day)");
        }
    }

    /** @throws IllegalArgumentException (from the scheduler) when the cron expression does not parse */
    JobDefinition<?> applyTo(JobDefinition<?> job) {
        return cron != null ? job.setCron(cron).setTimeZone(timeZone.getId())
                : job.setInterval(every.toSeconds() + "s");
    }

    @Override
    public String toString() {
        return cron != null ? "cron \"" + cron + "\" (" + timeZone.getId() + ")" : "every " + every.toSeconds() + "s";
    }
}
