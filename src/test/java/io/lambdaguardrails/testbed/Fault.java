package io.lambdaguardrails.testbed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One injected misbehaviour: which calls it hits (service, operation, account, region, resource; null matches any),
 * which of those ({@link #times first N}, {@link #everyNth every k-th} — counted, never random, so tests do not
 * flake) and what happens — an AWS error, latency, a rewritten or canned body, or a dropped connection.
 */
public final class Fault {

    private final String service;
    private final String operation;
    private final String account;
    private String region;
    private String resource;
    private String query;
    private int every = 1;
    private final AtomicInteger remaining = new AtomicInteger(-1);
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger hits = new AtomicInteger();
    private AwsError error;
    private Duration latency;
    private UnaryOperator<String> rewrite;
    private Answer answer;
    private boolean dropConnection;
    private CountDownLatch hold;

    private Fault(String service, String operation, String account) {
        this.service = service;
        this.operation = operation;
        this.account = account;
    }

    /** Matches {@code service} (SigV4 name: sts, lambda, ec2…) and {@code operation}; null matches anything. */
    public static Fault on(String service, String operation) {
        return new Fault(service, operation, null);
    }

    public static Fault on(String service, String operation, String account) {
        return new Fault(service, operation, account);
    }

    /** AssumeRole into {@code account} is denied, as when the member role does not trust the scanner. */
    public static Fault denyAssumeRole(String account) {
        return on("sts", "AssumeRole", account).error(AwsError.accessDenied("sts"));
    }

    /** Throttles the operation with the error its service really sends. */
    public static Fault throttle(String service, String operation) {
        return on(service, operation).error(AwsError.throttling(service));
    }

    /** Only calls signed for this region. */
    public Fault inRegion(String name) {
        this.region = name;
        return this;
    }

    /** Only calls whose (decoded) path names this resource, e.g. a function name. */
    public Fault forResource(String fragment) {
        this.resource = fragment;
        return this;
    }

    /** Only calls whose (decoded) query string contains this, e.g. {@code Qualifier=live}. */
    public Fault withQuery(String fragment) {
        this.query = fragment;
        return this;
    }

    /** Only the first {@code count} calls it would otherwise hit. */
    public Fault times(int count) {
        remaining.set(count);
        return this;
    }

    /** Only every k-th matching call (the k-th, 2k-th…): a deterministic fraction 1/k of them. */
    public Fault everyNth(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.every = k;
        return this;
    }

    public Fault error(AwsError awsError) {
        this.error = awsError;
        return this;
    }

    /** Holds each call it hits until {@code release} opens, then lets it through: a stall the test ends itself. */
    public Fault heldUntil(CountDownLatch release) {
        this.hold = release;
        return this;
    }

    public Fault latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    /** Forwards the call and rewrites the upstream's response body. */
    public Fault rewrite(UnaryOperator<String> body) {
        this.rewrite = body;
        return this;
    }

    /** Answers without asking the upstream. */
    public Fault answer(int status, String contentType, String body) {
        return answer(status, contentType, () -> body);
    }

    /** Answers without asking the upstream, with a body made afresh for each call it hits. */
    public Fault answer(int status, String contentType, Supplier<String> body) {
        this.answer = new Answer(status, contentType, body);
        return this;
    }

    /** Answers lambda:GetPolicy with this document, verbatim — valid JSON or not. */
    public Fault servePolicy(String document) {
        return answer(200, "application/json", "{\"Policy\":" + jsonString(document) + ",\"RevisionId\":\"fault-proxy\"}");
    }

    /** Closes the connection without an answer, as a reset or a crashed load balancer does. */
    public Fault dropConnection() {
        this.dropConnection = true;
        return this;
    }

    /** How many calls this fault has hit. */
    public int hits() {
        return hits.get();
    }

    /** Whether a fault limited by {@link #times} has hit all its calls. */
    public boolean usedUp() {
        return remaining.get() == 0;
    }

    AwsError error() {
        return error;
    }

    CountDownLatch hold() {
        return hold;
    }

    Duration latency() {
        return latency;
    }

    UnaryOperator<String> rewrite() {
        return rewrite;
    }

    Answer answer() {
        return answer;
    }

    boolean dropsConnection() {
        return dropConnection;
    }

    /** Whether this fault hits the call; consumes one use when it does. */
    boolean take(FaultProxy.Call call) {
        if (!matches(call) || matched.incrementAndGet() % every != 0) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left == 0) {
                return false;
            }
            if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                hits.incrementAndGet();
                return true;
            }
        }
    }

    private boolean matches(FaultProxy.Call call) {
        return (service == null || service.equals(call.service()))
                && (operation == null || operation.equals(call.operation()))
                && (account == null || account.equals(call.account()))
                && (region == null || region.equals(call.region()))
                && (resource == null || call.resource().contains(resource))
                && (query == null || call.query().contains(query));
    }

    record Answer(int status, String contentType, Supplier<String> body) {
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The wire protocols of the services the scanner calls; each renders errors its own way. */
    public enum Protocol {
        /** STS, IAM: form-encoded query, {@code <ErrorResponse><Error><Code>}. */
        QUERY,
        /** EC2: query with its own {@code <Response><Errors><Error><Code>}. */
        EC2,
        /** S3: {@code <Error><Code>} at the root. */
        REST_XML,
        /** AWS JSON 1.1 (Organizations, CloudTrail, Config, Tagging): {@code __type} in the body. */
        JSON,
        /** REST-JSON (Lambda, Access Analyzer, Signer): the code in the {@code x-amzn-ErrorType} header. */
        REST_JSON;

        public static Protocol of(String service) {
            return switch (service) {
                case "sts", "iam" -> QUERY;
                case "ec2" -> EC2;
                case "s3" -> REST_XML;
                case "lambda", "access-analyzer", "signer" -> REST_JSON;
                default -> JSON;
            };
        }
    }

    /**
     * An AWS error as the service sends it. In JSON 1.1 the code carries a shape prefix
     * ({@code com.amazonaws.cloudtrail#ThrottlingException}) as real services send it; REST-JSON sends the code in a
     * header with a trailing namespace ({@code Code:http://internal.amazon.com/...}), and the SDK must strip both.
     */
    public record AwsError(int status, String code, String message) {

        public static AwsError of(int status, String code, String message) {
            return new AwsError(status, code, message);
        }

        /** The throttling answer each service really gives: code and HTTP status differ by service. */
        public static AwsError throttling(String service) {
            return switch (service) {
                case "lambda", "signer" -> new AwsError(429, "TooManyRequestsException", "Rate exceeded");
                case "access-analyzer" -> new AwsError(429, "ThrottlingException", "Rate exceeded");
                case "ec2" -> new AwsError(503, "RequestLimitExceeded", "Request limit exceeded.");
                case "s3" -> new AwsError(503, "SlowDown", "Please reduce your request rate.");
                case "sts", "iam" -> new AwsError(400, "Throttling", "Rate exceeded");
                case "organizations" -> new AwsError(400, "TooManyRequestsException", "AWS Organizations can't complete your request because another request is already in progress.");
                case "tagging" -> new AwsError(400, "ThrottledException", "Rate exceeded");
                default -> new AwsError(400, "ThrottlingException", "Rate exceeded");
            };
        }

        /** An internal server error: retried by the SDK, and never mistaken for an unimplemented operation. */
        public static AwsError internalFailure(String service) {
            return switch (Protocol.of(service)) {
                case EC2 -> new AwsError(500, "InternalError", "An internal error has occurred");
                case REST_XML -> new AwsError(500, "InternalError", "We encountered an internal error. Please try again.");
                case REST_JSON -> new AwsError(500, "ServiceException", "An internal failure occurred");
                default -> new AwsError(500, "InternalFailure", "The request processing has failed because of an unknown error");
            };
        }

        public static AwsError accessDenied(String service) {
            return switch (Protocol.of(service)) {
                case EC2 -> new AwsError(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
                case QUERY, REST_XML -> new AwsError(403, "AccessDenied", "User is not authorized to perform this action");
                default -> new AwsError(403, "AccessDeniedException", "User is not authorized to perform this action");
            };
        }

        byte[] render(String service) {
            String sender = status >= 500 ? "Receiver" : "Sender";
            String body = switch (Protocol.of(service)) {
                case QUERY -> "<ErrorResponse xmlns=\"https://" + service + ".amazonaws.com/doc/\"><Error><Type>" + sender
                        + "</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
                case EC2 -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                        + "</Code><Message>" + message + "</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>";
                case REST_XML -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>fault-proxy</RequestId></Error>";
                case JSON -> "{\"__type\":\"com.amazonaws." + service + "#" + code + "\",\"message\":" + jsonString(message) + "}";
                case REST_JSON -> "{\"Type\":\"" + (status >= 500 ? "Service" : "User") + "\",\"message\":"
                        + jsonString(message) + "}";
            };
            return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        Map<String, String> headers(String service) {
            return switch (Protocol.of(service)) {
                case QUERY, EC2, REST_XML -> Map.of("Content-Type", "text/xml", "x-amzn-RequestId", "fault-proxy");
                case JSON -> Map.of("Content-Type", "application/x-amz-json-1.1", "x-amzn-RequestId", "fault-proxy");
                case REST_JSON -> Map.of("Content-Type", "application/json", "x-amzn-RequestId", "fault-proxy",
                        "x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazon.coral.service/");
            };
        }
    }
}
