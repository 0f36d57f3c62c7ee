package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Map;

/**
 * A member account. {@code path} lists the policy targets from the root down to the account itself
 * ({@code r-…}, {@code ou-…}, …, account id), which is where SCPs attach; {@code ouPath} is the same path by name.
 */
public record OrgAccount(
        String id,
        String name,
        Status status,
        List<String> path,
        String ouPath,
        Map<String, String> tags) {

    public OrgAccount {
        path = List.copyOf(path);
        tags = Map.copyOf(tags);
    }

    /** Whether the account is in use: a suspended account or one being closed has nothing to scan. */
    public enum Status {
        ACTIVE, SUSPENDED, PENDING_CLOSURE, UNKNOWN;

        @JsonCreator
        public static Status of(String text) {
            return AwsNames.of(Status.class, text);
        }
    }
}
