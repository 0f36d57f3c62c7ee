package io.lambdaguardrails.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An endpoint that lacks an operation (an emulator, a partition without the service) answers 500 with an HTML page
 * and no AWS error code. AWS itself never answers an API call with HTML, so such a 500 is turned into 501 Not
 * Implemented: the SDK does not retry it, and coverage records the operation as UNSUPPORTED after one call instead of
 * after every backoff.
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
