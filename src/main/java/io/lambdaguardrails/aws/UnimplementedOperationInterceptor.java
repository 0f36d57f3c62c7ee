package io.lambdaguardrails.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An endpoint that lacks an operation (an emulator, a partition without the service) answers 500 with an HTML page
 * and no AWS error code. AWS itself never answers an API call with HTML, so such a 500 is turned into 501 Not
 * Implemented: the SDK does not back off and retry it eight times. One such answer proves nothing (a proxy or load
 * balancer in the way sends HTML too): the caller asks once more, and only the same answer twice makes the operation
 * UNSUPPORTED for the run.
 */
final class UnimplementedOperationInterceptor implements ExecutionInterceptor {

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse response = context.httpResponse();
        boolean html = response.firstMatchingHeader("Content-Type").map(t -> t.startsWith("text/html")).orElse(false);
        if (response.statusCode() == 500 && html) {
            return response.toBuilder().statusCode(501).build();
        }
        return response;
    }
}
