package io.lambdaguardrails.testbed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One injected misbehaviour: which calls it hits (service, operation, account; null matches any), how often
 * ({@code times}, -1 for always), and what happens — an AWS error, latency, a rewritten body or a dropped connection.
 */
public final class Fault {

    private final String service;
    private final String operation;
    private final String account;
    private final AtomicInteger remaining;
    private AwsError error;
    private Duration latency;
    private UnaryOperator<String> rewrite;
    private boolean resetConnection;

    private Fault(String service, String operation, String account, int times) {
        this.service = service;
        this.operation = operation;
        this.account = account;
        this.remaining = new AtomicInteger(times);
    }

    /** Matches {@code service} (SigV4 name: sts, lambda, ec2…) and {@code operation}; null matches anything. */
    public static Fault on(String service, String operation) {
        return new Fault(service, operation, null, -1);
    }

    public static Fault on(String service, String operation, String account) {
        return new Fault(service, operation, account, -1);
    }

    /** AssumeRole into {@code account} is denied, as when the member role does not trust the scanner. */
    public static Fault denyAssumeRole(String account) {
        return on("sts", "AssumeRole", account).error(AwsError.of(403, "AccessDenied",
                "User is not authorized to perform: sts:AssumeRole on resource"));
    }

    public Fault times(int count) {
        remaining.set(count);
        return this;
    }

    public Fault error(AwsError awsError) {
        this.error = awsError;
        return this;
    }

    public Fault latency(Duration delay) {
        this.latency = delay;
        return this;
    }

    public Fault rewrite(UnaryOperator<String> body) {
        this.rewrite = body;
        return this;
    }

    public Fault resetConnection() {
        this.resetConnection = true;
        return this;
    }

    AwsError error() {
        return error;
    }

    Duration latency() {
        return latency;
    }

    UnaryOperator<String> rewrite() {
        return rewrite;
    }

    boolean dropsConnection() {
        return resetConnection;
    }

    boolean matches(FaultProxy.Call call) {
        return (service == null || service.equals(call.service()))
                && (operation == null || operation.equals(call.operation()))
                && (account == null || account.equals(call.account()));
    }

    /** Consumes one use; false when the fault is used up. */
    boolean take() {
        while (true) {
            int left = remaining.get();
            if (left < 0) {
                return true;
            }
            if (left == 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }

    /** An AWS error, rendered in the wire format of the service's protocol. */
    public record AwsError(int status, String code, String message) {

        public static AwsError of(int status, String code, String message) {
            return new AwsError(status, code, message);
        }

        public static AwsError throttling(String service) {
            return switch (service) {
                case "lambda" -> new AwsError(429, "TooManyRequestsException", "Rate exceeded");
                case "ec2" -> new AwsError(503, "RequestLimitExceeded", "Request limit exceeded.");
                case "sts", "iam" -> new AwsError(400, "Throttling", "Rate exceeded");
                default -> new AwsError(400, "ThrottlingException", "Rate exceeded");
            };
        }

        byte[] render(String service) {
            String body = switch (protocol(service)) {
                case QUERY -> "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";
                case EC2 -> "<Response><Errors><Error><Code>" + code + "</Code><Message>" + message
                        + "</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>";
                case S3 -> "<Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>";
                case JSON -> "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}";
            };
            return body.getBytes(StandardCharsets.UTF_8);
        }

        Map<String, String> headers(String service) {
            return switch (protocol(service)) {
                case QUERY, EC2, S3 -> Map.of("Content-Type", "text/xml");
                case JSON -> Map.of("Content-Type", "application/x-amz-json-1.1", "x-amzn-ErrorType", code);
            };
        }

        private enum Protocol { QUERY, EC2, S3, JSON }

        private static Protocol protocol(String service) {
            return switch (service) {
                case "sts", "iam" -> Protocol.QUERY;
                case "ec2" -> Protocol.EC2;
                case "s3" -> Protocol.S3;
                default -> Protocol.JSON;
            };
        }
    }
}
