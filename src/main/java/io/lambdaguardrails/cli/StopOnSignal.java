package io.lambdaguardrails.cli;

import io.lambdaguardrails.job.StopRequest;
import org.jboss.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * While a scan runs, SIGTERM and SIGINT ask it to stop ({@link StopRequest}) instead of ending the JVM at once, which
 * would cut a publish short and leave the rendered reports in the temporary folder. The scan then returns
 * {@link #exitCode()}: 128 plus the signal's number, as a shell reports a process killed by it (143, 130). A second
 * signal ends the process at once. Closing puts the previous handlers back.
 */
final class StopOnSignal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("io.lambdaguardrails.scan");
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final StopRequest stop;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private volatile int exitCode;

    private StopOnSignal(StopRequest stop) {
        this.stop = stop;
    }

    static StopOnSignal install(StopRequest stop) {
        var handlers = new StopOnSignal(stop);
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                handlers.previous.put(signal, Signal.handle(signal, handlers::received));
            } catch (IllegalArgumentException e) {
                // The JVM keeps this signal for itself (-Xrs); it then ends the process as it always does.
            }
        }
        return handlers;
    }

    private void received(Signal signal) {
        int code = 128 + signal.getNumber();
        if (stop.requested()) {
            LOG.warnf("SIG%s again: ending at once", signal.getName());
            Runtime.getRuntime().halt(code);
        }
        exitCode = code;
        LOG.warnf("SIG%s: stopping (a second signal ends the process at once)", signal.getName());
        stop.request("SIG" + signal.getName());
    }

    /** 128 plus the number of the signal that stopped the run; 0 when none did. */
    int exitCode() {
        return exitCode;
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
