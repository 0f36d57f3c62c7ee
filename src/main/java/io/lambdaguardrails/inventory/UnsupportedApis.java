package io.lambdaguardrails.inventory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Operations the endpoint does not implement (an emulator, a partition without the service). The first
 * "not implemented" answer marks the operation for the whole run, so it is not called once per account and function.
 */
public final class UnsupportedApis {

    private final Set<String> operations = ConcurrentHashMap.newKeySet();

    public boolean isUnsupported(String api) {
        return operations.contains(api);
    }

    public void markUnsupported(String api) {
        operations.add(api);
    }
}
