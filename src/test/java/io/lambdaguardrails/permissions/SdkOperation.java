package io.lambdaguardrails.permissions;

/**
 * One AWS API call as the SDK names it: the client's service name ({@code SdkExecutionAttribute.SERVICE_NAME}, e.g.
 * {@code Lambda}, {@code Ec2}, {@code Config}, {@code AccessAnalyzer}) and the operation ({@code ListFunctions}).
 */
public record SdkOperation(String service, String operation) {

    public SdkOperation {
        if (service == null || service.isBlank() || operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("service and operation are required");
        }
    }

    /** Parses {@code Service:Operation}. */
    public static SdkOperation parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected Service:Operation, got '" + text + "'");
        }
        return new SdkOperation(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return service + ":" + operation;
    }
}
