package io.lambdaguardrails.aws;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SDK's paginators ask for pages until the service stops sending a token. A service (or something in the way)
 * that answers a page with the very token it was asked with, or with a new token forever, would keep a paginator
 * asking without end; this turns either answer into an error, which ends the listing as a failed call.
 * <p>
 * Pages are counted per thread: a synchronous paginator asks for every page of a listing on the thread that iterates
 * it, so the token a page answered with is looked up on the same thread when the next page asks with it.
 */
final class PaginationGuard implements ExecutionInterceptor {

    /**
     * Far above any real listing we make: 10,000 accounts are 500 pages of ListAccounts, 10,000 functions 200 pages
     * of ListFunctions.
     */
    static final int MAX_PAGES = 1_000;
    /** Listings a thread may have open at once (nested ones); tokens of abandoned listings fall out beyond it. */
    private static final int OPEN_LISTINGS = 64;

    /** Names of the token a request sends, across the services we call. */
    private static final List<String> REQUEST_TOKENS = List.of("NextToken", "Marker", "ContinuationToken");
    /** Names of the token a response answers with. */
    private static final List<String> RESPONSE_TOKENS = List.of("NextToken", "NextMarker", "Marker", "NextContinuationToken");

    /** Per thread: the page number the next request will be, by operation and the token it will send. */
    private final ThreadLocal<Map<String, Integer>> pageOfToken = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                    return size() > OPEN_LISTINGS;
                }
            });

    @Override
    public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
        Optional<String> next = first(RESPONSE_TOKENS, n -> context.response().getValueForField(n, String.class));
        if (next.isEmpty()) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " ";
        Optional<String> asked = first(REQUEST_TOKENS, n -> context.request().getValueForField(n, String.class));
        if (asked.isPresent() && Objects.equals(asked.get(), next.get())) {
            throw SdkClientException.create("the service answered a page with the token it was asked for; "
                    + "listing stopped instead of asking for the same page forever");
        }
        Map<String, Integer> pages = pageOfToken.get();
        int page = asked.isEmpty() ? 1 : pageOf(pages.remove(operation + asked.get()));
        if (page >= MAX_PAGES) {
            throw SdkClientException.create("the listing went on past " + MAX_PAGES + " pages; stopped instead of "
                    + "asking for more");
        }
        pages.put(operation + next.get(), page + 1);
    }

    /** A token this thread has not seen issued (its listing began elsewhere) counts as the second page. */
    private static int pageOf(Integer issued) {
        return issued == null ? 2 : issued;
    }

    private static Optional<String> first(List<String> names, Function<String, Optional<String>> field) {
        return names.stream().map(field).flatMap(Optional::stream).filter(t -> !t.isEmpty()).findFirst();
    }
}
