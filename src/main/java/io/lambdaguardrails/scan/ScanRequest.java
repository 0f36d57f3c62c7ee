package io.lambdaguardrails.scan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to scan, built by the CLI, the Lambda handler (from the scheduler event) or the daemon. A plain record whose
 * JSON form is the Lambda event payload.
 *
 * @param accounts          explicit account ids; empty means "discover" ({@code org} or {@code ou}) or the caller's own
 * @param org               discover every ACTIVE account of the organisation
 * @param ous               organisational units whose accounts (recursively) are scanned
 * @param excludeAccounts   accounts never scanned
 * @param accountTags       Organizations account tags an account must carry (all of them)
 * @param regions           regions to scan; {@code ["all"]} means every region enabled in the account; empty means the
 *                          caller's configured region
 * @param roleName          member role name, used as {@code arn:aws:iam::{accountId}:role/NAME}
 * @param roleArnTemplate   member role ARN with an {@code {accountId}} placeholder; wins over {@code roleName}
 * @param externalId        external id for AssumeRole, when the member role demands one
 * @param maxConcurrentAccounts accounts scanned at once
 * @param accountTimeout    deadline per account; regions not done by then are recorded as TIMEOUT
 * @param shard             {@code i/n}: scan only the i-th of n deterministic partitions of the target accounts
 * @param rules             glob patterns of rule ids to evaluate (empty: all enabled rules)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScanRequest(
        List<String> accounts,
        boolean org,
        List<String> ous,
        List<String> excludeAccounts,
        Map<String, String> accountTags,
        List<String> regions,
        String roleName,
        String roleArnTemplate,
        String externalId,
        int maxConcurrentAccounts,
        Duration accountTimeout,
        String shard,
        List<String> rules) {

    /** The read-only member role we ship (CloudFormation StackSet), never the organisation's administrator role. */
    public static final String DEFAULT_ROLE_NAME = "LambdaGuardrailsReadOnly";
    public static final int DEFAULT_MAX_CONCURRENT_ACCOUNTS = 32;
    public static final int MAX_CONCURRENT_ACCOUNTS = 1000;
    public static final Duration DEFAULT_ACCOUNT_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration MIN_ACCOUNT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_ACCOUNT_TIMEOUT = Duration.ofHours(24);

    public ScanRequest {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        ous = ous == null ? List.of() : List.copyOf(ous);
        excludeAccounts = excludeAccounts == null ? List.of() : List.copyOf(excludeAccounts);
        accountTags = accountTags == null ? Map.of() : Map.copyOf(accountTags);
        regions = regions == null ? List.of() : List.copyOf(regions);
        rules = rules == null ? List.of() : List.copyOf(rules);
        if (roleName == null && roleArnTemplate == null) {
            roleName = DEFAULT_ROLE_NAME;
        }
        // Absent (0 or null, as in an event that leaves them out) means the default; anything else is checked as
        // given by TargetResolver.validate, so a mistyped value is an error rather than silently the default.
        if (maxConcurrentAccounts == 0) {
            maxConcurrentAccounts = DEFAULT_MAX_CONCURRENT_ACCOUNTS;
        }
        if (accountTimeout == null) {
            accountTimeout = DEFAULT_ACCOUNT_TIMEOUT;
        }
    }

    /** The member role ARN for an account. */
    public String roleArnFor(String accountId) {
        String template = roleArnTemplate != null ? roleArnTemplate : "arn:aws:iam::{accountId}:role/" + roleName;
        return template.replace("{accountId}", accountId);
    }

    public boolean discovers() {
        return org || !ous.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For code that sets a few fields (tests, the daemon); every field starts at its default. */
    public static final class Builder {
        private List<String> accounts = List.of();
        private boolean org;
        private List<String> ous = List.of();
        private List<String> excludeAccounts = List.of();
        private Map<String, String> accountTags = Map.of();
        private List<String> regions = List.of();
        private String roleName;
        private String roleArnTemplate;
        private String externalId;
        private int maxConcurrentAccounts;
        private Duration accountTimeout;
        private String shard;
        private List<String> rules = List.of();

        public Builder accounts(String... ids) { accounts = List.of(ids); return this; }
        public Builder org() { org = true; return this; }
        public Builder ous(String... ids) { ous = List.of(ids); return this; }
        public Builder excludeAccounts(String... ids) { excludeAccounts = List.of(ids); return this; }
        public Builder accountTags(Map<String, String> tags) { accountTags = tags; return this; }
        public Builder regions(String... names) { regions = List.of(names); return this; }
        public Builder roleName(String name) { roleName = name; return this; }
        public Builder roleArnTemplate(String template) { roleArnTemplate = template; return this; }
        public Builder externalId(String id) { externalId = id; return this; }
        public Builder maxConcurrentAccounts(int n) { maxConcurrentAccounts = n; return this; }
        public Builder accountTimeout(Duration timeout) { accountTimeout = timeout; return this; }
        public Builder shard(String value) { shard = value; return this; }
        public Builder rules(String... patterns) { rules = List.of(patterns); return this; }

        public ScanRequest build() {
            return new ScanRequest(accounts, org, ous, excludeAccounts, accountTags, regions, roleName,
                    roleArnTemplate, externalId, maxConcurrentAccounts, accountTimeout, shard, rules);
        }
    }
}
