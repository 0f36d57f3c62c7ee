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

    /**
     * Whether the account is in use: only an active account has a role to assume. The values are those of
     * Organizations' {@code State}, which replaces the older {@code Status} (whose three values it includes).
     */
    public enum Status {
        ACTIVE, PENDING_ACTIVATION, SUSPENDED, PENDING_CLOSURE, CLOSED, UNKNOWN;

        /**
         * Whether a scan should try the account: an active one, and one in a state this version does not know, since
         * leaving it out would drop it from the report unsaid, while a failed role assumption shows as a coverage gap.
         */
        public boolean scanned() {
            return this == ACTIVE || this == UNKNOWN;
        }

        @JsonCreator
        public static Status of(String text) {
            return AwsNames.of(Status.class, text);
        }
    }
}
