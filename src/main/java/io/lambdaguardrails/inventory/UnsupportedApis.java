package io.lambdaguardrails.inventory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Operations the endpoint does not implement (an emulator, a partition without the service). An operation is proven
 * unsupported in an account once it answered "not implemented" twice in a row there (see {@link ApiCaller}); proven in
 * two accounts, it is an endpoint's gap and is not called again in the run.
 */
public final class UnsupportedApis {

    private static final int ACCOUNTS_FOR_THE_RUN = 2;

    private final ConcurrentMap<String, Set<String>> provenIn = new ConcurrentHashMap<>();

    public boolean isUnsupported(String api, String accountId) {
        Set<String> accounts = provenIn.get(api);
        return accounts != null && (accounts.contains(accountId) || accounts.size() >= ACCOUNTS_FOR_THE_RUN);
    }

    public void markUnsupported(String api, String accountId) {
        provenIn.computeIfAbsent(api, k -> ConcurrentHashMap.newKeySet()).add(accountId);
    }
}
