package io.lambdaguardrails.testbed;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The proxy as a process, for the benchmark: {@code java -cp target/test-classes
 * io.lambdaguardrails.testbed.FaultProxyMain --upstream http://127.0.0.1:5000 --port 5001 --latency-ms 30}.
 * Needs only the JDK. Prints its endpoint once listening; runs until killed.
 */
public final class FaultProxyMain {

    private FaultProxyMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        URI upstream = null;
        int port = 0;
        long latencyMillis = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--upstream" -> upstream = URI.create(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latencyMillis = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (upstream == null || !"127.0.0.1".equals(upstream.getHost()) && !"localhost".equals(upstream.getHost())) {
            System.err.println("usage: FaultProxyMain --upstream http://127.0.0.1:PORT [--port N] [--latency-ms MS]"
                    + " (the upstream must be on loopback)");
            System.exit(2);
        }
        FaultProxy proxy = new FaultProxy(upstream, port).baseLatency(Duration.ofMillis(latencyMillis));
        Runtime.getRuntime().addShutdownHook(new Thread(proxy::close));
        System.out.println("fault proxy on " + proxy.endpoint() + " -> " + upstream + ", latency " + latencyMillis + " ms");
        new CountDownLatch(1).await();
    }
}
