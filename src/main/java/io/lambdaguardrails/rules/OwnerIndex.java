package io.lambdaguardrails.rules;

import io.lambdaguardrails.inventory.snapshot.Snapshot;

import java.util.HashMap;
import java.util.Map;

/** Who owns a resource: its owner tag, else its account's owner tag in Organizations, else nobody (empty). */
final class OwnerIndex {

    private final Map<String, String> byResource = new HashMap<>();
    private final Map<String, String> byAccount = new HashMap<>();

    OwnerIndex(Snapshot snapshot, String ownerKey) {
        snapshot.org().accounts().forEach(a -> put(byAccount, a.id(), a.tags().get(ownerKey)));
        snapshot.accounts().forEach(a -> {
            a.iam().roles().forEach(r -> put(byResource, r.arn(), r.tags().get(ownerKey)));
            a.regions().forEach(r -> r.functions().forEach(f -> put(byResource, f.arn(), f.tags().get(ownerKey))));
        });
    }

    private static void put(Map<String, String> map, String key, String owner) {
        if (owner != null && !owner.isBlank()) {
            map.put(key, owner);
        }
    }

    String ownerOf(String accountId, String resourceArn) {
        return byResource.getOrDefault(resourceArn, byAccount.getOrDefault(accountId, ""));
    }
}
