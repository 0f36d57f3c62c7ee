package io.lambdaguardrails.daemon;

import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.JobSummary;
import io.lambdaguardrails.scan.ScanDeadline;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Runs scans on a schedule in one long-lived process, one at a time: a run still going when the next is due makes
 * the scheduler skip that one. The job is scheduled programmatically when the daemon starts, so no CLI command ever
 * ticks. Stopping (SIGTERM) lets the run in progress finish or abandon the accounts it has started at their deadline,
 * start no other account, and publish what it has, before the process ends.
 */
@ApplicationScoped
public class ScanDaemon {

    static final String JOB = "lambda-guardrails-scan";
    private static final Logger LOG = Logger.getLogger(ScanDaemon.class);

    private final Scheduler scheduler;
    private final Clock clock = Clock.systemUTC();
    /** Held while a run is in progress; stop() takes it to wait for that run. */
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicInteger runs = new AtomicInteger();
    private volatile ScanDeadline current;
    private volatile boolean started;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public ScanDaemon(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Schedules {@code run}, given the deadline of each run (brought forward when the daemon stops).
     *
     * @return when the first run is due
     * @throws IllegalArgumentException when the schedule does not parse
     */
    public Instant start(Schedule schedule, Function<ScanDeadline, JobOutcome> run) {
        Trigger trigger = schedule.applyTo(scheduler.newJob(JOB))
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> runOnce(run), true)
                .schedule();
        started = true;
        // The scheduler starts halted (application.properties) so that no other command runs its trigger loop.
        scheduler.resume();
        LOG.infof("daemon: scanning %s, first run at %s", schedule, trigger.getNextFireTime());
        return trigger.getNextFireTime();
    }

    private void runOnce(Function<ScanDeadline, JobOutcome> run) {
        if (!running.tryLock()) {
            return;
        }
        try {
            ScanDeadline deadline = ScanDeadline.none();
            current = deadline;
            if (stopping.get()) {
                return;
            }
            int number = runs.incrementAndGet();
            LOG.infof("daemon: scheduled run %d started", number);
            try {
                LOG.infof("daemon: scheduled run %d finished: %s", number, JobSummary.of(run.apply(deadline)).describe());
            } catch (RuntimeException e) {
                // A failed run must not end the daemon: the next one may well succeed (credentials rotated, AWS back).
                LOG.errorf("daemon: scheduled run %d failed: %s: %s", number, e.getClass().getSimpleName(), e.getMessage());
            }
        } finally {
            current = null;
            running.unlock();
        }
    }

    /**
     * Stops scheduling and waits for the run in progress, which starts no further account and publishes what it has
     * once its running accounts finish or reach their deadline. Idempotent.
     */
    public void stop() {
        boolean first = stopping.compareAndSet(false, true);
        if (first && started) {
            scheduler.unscheduleJob(JOB);
            ScanDeadline deadline = current;
            if (deadline != null) {
                LOG.info("daemon: stopping; the run in progress starts no further account and publishes what it has");
                deadline.bringForward(clock.instant());
            }
        }
        running.lock();
        running.unlock();
        if (first && started) {
            LOG.infof("daemon: stopped after %d run(s)", runs.get());
        }
    }

    /** SIGTERM: Quarkus stops the application on its shutdown hook, which waits here for the run in progress. */
    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Runs started so far. */
    public int runs() {
        return runs.get();
    }
}
