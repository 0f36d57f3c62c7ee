package io.lambdaguardrails.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SDK's paginators ask for pages until the service stops sending a token. A service (or something in the way)
 * that answers a page with the very token it was asked with would keep a paginator asking forever; this turns that
 * answer into an error, which ends the listing as a failed call.
 */
final class RepeatedPageTokenGuard implements ExecutionInterceptor {

    /** Names of the token a request sends, across the services we call. */
    private static final List<String> REQUEST_TOKENS = List.of("NextToken", "Marker", "ContinuationToken");
    /** Names of the token a response answers with. */
    private static final List<String> RESPONSE_TOKENS = List.of("NextToken", "NextMarker", "Marker", "NextContinuationToken");

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        Optional<String> asked = first(REQUEST_TOKENS, n -> context.request().getValueForField(n, String.class));
        if (asked.isEmpty()) {
            return;
        }
        Optional<String> next = first(RESPONSE_TOKENS, n -> context.response().getValueForField(n, String.class));
        if (next.isPresent() && Objects.equals(asked.get(), next.get())) {
            throw SdkClientException.create("the service answered a page with the token it was asked for; "
                    + "listing stopped instead of asking for the same page forever");
        }
    }

    private static Optional<String> first(List<String> names, Function<String, Optional<String>> field) {
        return names.stream().map(field).flatMap(Optional::stream).filter(t -> !t.isEmpty()).findFirst();
    }
}
