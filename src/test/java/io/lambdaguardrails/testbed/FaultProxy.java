package io.lambdaguardrails.testbed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP proxy on loopback in front of moto that injects AWS failures. It recognises each request's service and
 * region (SigV4 scope), operation and account (learned from AssumeRole), adds the base latency, applies the first
 * {@link Fault} that hits the call, and counts requests by {@code service:Operation}.
 * <p>
 * For runs outside JUnit (see {@link FaultProxyMain}): {@code GET /__fault-proxy/counts} answers the counts, the
 * upstream's total service time per operation and the time of the first request since the last reset as JSON, {@code POST /__fault-proxy/reset} clears them and
 * {@code POST /__fault-proxy/latency?ms=N} sets the base latency.
 */
public final class FaultProxy implements AutoCloseable {

    /** The account of the emulator's default credentials. */
    public static final String MANAGEMENT_ACCOUNT = "123456789012";
    static final String CONTROL = "/__fault-proxy/";

    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect",
            "transfer-encoding", "upgrade", "keep-alive");
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("arn%3Aaws%3Aiam%3A%3A(\\d{12})%3Arole|arn:aws:iam::(\\d{12}):role");
    private static final Pattern ACCESS_KEY = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final URI upstream;
    private final HttpClient http;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> upstreamMicros = new ConcurrentHashMap<>();
    private final Map<String, String> accountByAccessKey = new ConcurrentHashMap<>();
    private volatile Duration baseLatency = Duration.ZERO;
    private final AtomicLong firstRequestMillis = new AtomicLong();

    public FaultProxy(URI upstream) {
        this(upstream, 0);
    }

    /** On a fixed loopback port (0: any free one). */
    public FaultProxy(URI upstream, int port) {
        this.upstream = upstream;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(handlers)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.createContext(CONTROL, this::control);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds a fault; the first fault that hits a request decides its fate. */
    public FaultProxy inject(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** Latency added to every request, faults or not: a model of the round trip to AWS. */
    public FaultProxy baseLatency(Duration latency) {
        this.baseLatency = latency;
        return this;
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Requests seen so far, by {@code service:Operation}, sorted. */
    public Map<String, Integer> counts() {
        Map<String, Integer> snapshot = new TreeMap<>();
        counts.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    public int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public void resetCounts() {
        counts.clear();
        upstreamMicros.clear();
        firstRequestMillis.set(0);
    }

    /**
     * What the proxy knows about one request. {@code account} is null for credentials it has not seen issued;
     * {@code resource} is the decoded request path (REST APIs name the resource there), {@code query} the decoded
     * query string (REST APIs pass options there, such as a Lambda qualifier), empty when there is none.
     */
    public record Call(String service, String operation, String account, String region, String resource, String query) {
        public String api() {
            return service + ":" + operation;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call = identify(exchange, body);
            firstRequestMillis.compareAndSet(0, System.currentTimeMillis());
            counts.computeIfAbsent(call.api(), k -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.stream().filter(f -> f.take(call)).findFirst().orElse(null);
            if (fault != null && fault.hold() != null) {
                await(fault.hold());
            }
            sleep(fault != null && fault.latency() != null ? baseLatency.plus(fault.latency()) : baseLatency);
            if (fault == null) {
                forward(exchange, body, call, null);
            } else if (fault.error() != null) {
                respond(exchange, fault.error().status(), fault.error().render(call.service()), fault.error().headers(call.service()));
            } else if (fault.answer() != null) {
                respond(exchange, fault.answer().status(), fault.answer().body().get().getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", fault.answer().contentType(), "x-amzn-RequestId", "fault-proxy"));
            } else if (fault.dropsConnection()) {
                // No status line at all: the client reads end-of-stream where an answer should be.
                exchange.getResponseBody().close();
            } else {
                forward(exchange, body, call, fault.rewrite());
            }
        }
    }

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (path.equals(CONTROL + "counts")) {
                String json = counts().entrySet().stream()
                        .map(e -> Fault.jsonString(e.getKey()) + ":" + e.getValue())
                        .collect(Collectors.joining(",", "{\"firstRequestEpochMillis\":" + firstRequestMillis.get()
                                + ",\"counts\":{", "},"))
                        + upstreamMicros.entrySet().stream()
                        .map(e -> Fault.jsonString(e.getKey()) + ":" + e.getValue().get() / 1000)
                        .collect(Collectors.joining(",", "\"upstreamMillis\":{", "}}"));
                respond(exchange, 200, json.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
            } else if (path.equals(CONTROL + "reset") && post) {
                resetCounts();
                respond(exchange, 204, new byte[0], Map.of());
            } else if (path.equals(CONTROL + "latency") && post && query != null && query.startsWith("ms=")) {
                baseLatency(Duration.ofMillis(Long.parseLong(query.substring(3))));
                respond(exchange, 204, new byte[0], Map.of());
            } else {
                respond(exchange, 404, new byte[0], Map.of());
            }
        }
    }

    private void forward(HttpExchange exchange, byte[] body, Call call, UnaryOperator<String> rewrite) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        long sent = System.nanoTime();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        upstreamMicros.computeIfAbsent(call.api(), k -> new AtomicLong()).addAndGet((System.nanoTime() - sent) / 1000);
        byte[] payload = response.body();
        if ("sts".equals(call.service()) && "AssumeRole".equals(call.operation()) && call.account() != null) {
            Matcher key = ACCESS_KEY.matcher(new String(payload, StandardCharsets.UTF_8));
            if (key.find()) {
                accountByAccessKey.put(key.group(1), call.account());
            }
        }
        if (rewrite != null) {
            payload = rewrite.apply(new String(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                headers.put(name, String.join(",", values));
            }
        });
        respond(exchange, response.statusCode(), payload, headers);
    }

    private Call identify(HttpExchange exchange, byte[] body) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String service = "unknown";
        String region = null;
        String account = null;
        if (auth != null) {
            Matcher m = SCOPE.matcher(auth);
            if (m.find()) {
                region = m.group(2);
                service = m.group(3);
                account = "testing".equals(m.group(1)) ? MANAGEMENT_ACCOUNT : accountByAccessKey.get(m.group(1));
            }
        }
        String form = new String(body, StandardCharsets.UTF_8);
        String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
        String operation = operation(exchange, service, form, path);
        if ("sts".equals(service) && "AssumeRole".equals(operation)) {
            Matcher role = ROLE_ACCOUNT.matcher(form);
            account = role.find() ? (role.group(1) != null ? role.group(1) : role.group(2)) : null;
        }
        String query = exchange.getRequestURI().getRawQuery();
        return new Call(service, operation, account, region, path,
                query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8));
    }

    private static String operation(HttpExchange exchange, String service, String form, String path) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        String query = exchange.getRequestURI().getRawQuery();
        for (String source : new String[] {form, query == null ? "" : query}) {
            for (String pair : source.split("&")) {
                if (pair.startsWith("Action=")) {
                    return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
        }
        return RestOperations.name(service, exchange.getRequestMethod(), exchange.getRequestURI().getPath());
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void await(java.util.concurrent.CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        http.shutdownNow();
        handlers.shutdownNow();
    }

}
