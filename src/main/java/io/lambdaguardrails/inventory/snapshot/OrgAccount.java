package io.lambdaguardrails.inventory.snapshot;

import java.util.List;
import java.util.Map;

/**
 * A member account. {@code path} lists the policy targets from the root down to the account itself
 * ({@code r-…}, {@code ou-…}, …, account id), which is where SCPs attach; {@code ouPath} is the same path by name.
 */
public record OrgAccount(
        String id,
        String name,
        String status,
        List<String> path,
        String ouPath,
        Map<String, String> tags) {

    public OrgAccount {
        path = List.copyOf(path);
        tags = Map.copyOf(tags);
    }
}
