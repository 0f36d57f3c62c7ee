package io.lambdaguardrails.testbed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * moto's server mode on a free loopback port: a real HTTP implementation of the AWS APIs. One server serves the
 * whole test run (started on first use, stopped at JVM exit); {@link #reset()} wipes its state between test classes.
 */
public final class MotoServer {

    private static MotoServer shared;
    private static MotoServer lean;

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** With the AWS-managed IAM policies, as rules about AdministratorAccess need. */
    public static synchronized MotoServer shared() {
        if (shared == null) {
            shared = start(true);
        }
        return shared;
    }

    /**
     * Without the AWS-managed IAM policies: moto loads ~1,500 of them into every account it creates (about a second
     * of its time each), which scale tests with hundreds of accounts cannot afford.
     */
    public static synchronized MotoServer lean() {
        if (lean == null) {
            lean = start(false);
        }
        return lean;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Wipes every account, organisation and resource. */
    public void reset() {
        try {
            var response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto answered " + response.statusCode() + " to reset");
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto did not answer the reset", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MotoServer start(boolean awsManagedPolicies) {
        int port = freePort();
        Path log = Path.of("target", "moto-" + port + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // AWS-managed policies such as AdministratorAccess exist only with this flag; MOTO_ACCOUNT_ID would break
        // multi-account, so it is never passed on.
        builder.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", String.valueOf(awsManagedPolicies));
        builder.environment().remove("MOTO_ACCOUNT_ID");
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server is not installed or not on PATH: install it with "
                    + "pip install 'moto[server]' (the tests run against a local AWS API implementation)", e);
        }
        var server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        server.awaitReady(log);
        return server;
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start-up; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("moto_server did not answer within 60 s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
