package io.lambdaguardrails.rules;

import io.lambdaguardrails.inventory.snapshot.Snapshot;

import java.util.HashMap;
import java.util.Map;

/** The tags of each function and role, and of each account in Organizations, for matching waivers by tag. */
final class TagIndex {

    private final Map<String, Map<String, String>> byResource = new HashMap<>();
    private final Map<String, Map<String, String>> byAccount = new HashMap<>();

    TagIndex(Snapshot snapshot) {
        snapshot.org().accounts().forEach(a -> byAccount.put(a.id(), a.tags()));
        snapshot.accounts().forEach(a -> {
            a.iam().roles().forEach(r -> byResource.put(r.arn(), r.tags()));
            a.regions().forEach(r -> r.functions().forEach(f -> byResource.put(f.arn(), f.tags())));
        });
    }

    /** The resource's own tags when it has any record, else its account's. */
    Map<String, String> tagsOf(String accountId, String resourceArn) {
        Map<String, String> own = byResource.get(resourceArn);
        return own != null ? own : byAccount.getOrDefault(accountId, Map.of());
    }
}
