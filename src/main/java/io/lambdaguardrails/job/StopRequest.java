package io.lambdaguardrails.job;

/**
 * A request to end a run early, as a signal makes it. While accounts are being scanned the run is abandoned at once:
 * the thread running it is interrupted and nothing is published. Once publishing has begun it is never interrupted:
 * the object being written is finished, no further run-folder object is started, and a replacement of
 * {@code latest/} that has begun is completed, so {@code latest/} never holds two runs.
 */
public final class StopRequest {

    private Thread runner;
    private boolean publishing;
    private String reason;

    /** A run nobody will ask to stop, unless {@link #request} is called. */
    public static StopRequest none() {
        return new StopRequest();
    }

    /** Stops the run: abandons its scan, or lets its publish end at a consistent point. Only the first call counts. */
    public synchronized void request(String why) {
        if (reason != null) {
            return;
        }
        reason = why;
        if (!publishing && runner != null) {
            runner.interrupt();
        }
    }

    public synchronized boolean requested() {
        return reason != null;
    }

    /** Why the run was asked to stop (e.g. {@code SIGTERM}), or null. */
    public synchronized String reason() {
        return reason;
    }

    /** The thread to interrupt when a stop comes during the scan; a stop that came already interrupts it now. */
    synchronized void scanningOn(Thread thread) {
        runner = thread;
        if (reason != null) {
            thread.interrupt();
        }
    }

    /** @return false when a stop came first: the run is then not published */
    synchronized boolean startPublishing() {
        runner = null;
        if (reason != null) {
            return false;
        }
        publishing = true;
        return true;
    }
}
