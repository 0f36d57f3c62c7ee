package io.lambdaguardrails.testbed;

import io.lambdaguardrails.permissions.SdkOperation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every operation the SDK is asked to send, as the client names it, before it is sent: an operation the
 * emulator does not implement is recorded too, because AWS would still check its permission.
 */
public final class OperationRecorder implements ExecutionInterceptor {

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        seen.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** Every distinct operation so far, sorted. */
    public Set<SdkOperation> operations() {
        Set<SdkOperation> operations = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        seen.forEach(text -> operations.add(SdkOperation.parse(text)));
        return operations;
    }
}
