package io.lambdaguardrails.rules;

import java.util.List;
import java.util.Map;

/**
 * Rule settings from the configuration file ({@code settings:} section), with the defaults of the rule catalogue.
 * Field names are the keys users write ({@code network.requireVpc}, {@code iam.staleDays}, …).
 */
public record Settings(
        NetworkSettings network,
        IamSettings iam,
        LayerSettings layers,
        OrgSettings org,
        TagSettings tags,
        RuntimeSettings runtime,
        SigningSettings signing,
        OpsSettings ops) {

    public static Settings defaults() {
        return new Settings(
                new NetworkSettings(false, 2, false),
                new IamSettings(false, 90, 90, List.of("logs")),
                new LayerSettings(List.of()),
                new OrgSettings(List.of()),
                new TagSettings(List.of(), "owner"),
                new RuntimeSettings(180, Map.of()),
                new SigningSettings(List.of()),
                new OpsSettings(900, new MemoryRange(128, 10240)));
    }

    /** {@code centralEndpoints}: endpoints live in a hub VPC, so LG-NET-007 does not apply. */
    public record NetworkSettings(boolean requireVpc, int minAzs, boolean centralEndpoints) {
    }

    public record IamSettings(boolean requireBoundary, int staleDays, int unusedServiceDays,
                              List<String> wildcardAllowedServices) {
        public IamSettings {
            wildcardAllowedServices = List.copyOf(wildcardAllowedServices);
        }
    }

    /** Accounts whose layers are trusted in addition to the organisation's own (e.g. AWS-published layers). */
    public record LayerSettings(List<String> trustedAccounts) {
        public LayerSettings {
            trustedAccounts = List.copyOf(trustedAccounts);
        }
    }

    /** Accounts treated as inside the organisation when Organizations cannot be read. */
    public record OrgSettings(List<String> trustedAccounts) {
        public OrgSettings {
            trustedAccounts = List.copyOf(trustedAccounts);
        }
    }

    /** {@code ownerKey}: the tag whose value fills a finding's {@code owner}. */
    public record TagSettings(List<String> required, String ownerKey) {
        public TagSettings {
            required = List.copyOf(required);
        }
    }

    /** {@code lifecycle}: per-runtime overrides of the shipped deprecation table. */
    public record RuntimeSettings(int warnDays, Map<String, RuntimeLifecycle> lifecycle) {
        public RuntimeSettings {
            lifecycle = Map.copyOf(lifecycle);
        }
    }

    /** Signing-profile version ARNs (or profile ARNs) that code-signing configs may allow. */
    public record SigningSettings(List<String> trustedProfiles) {
        public SigningSettings {
            trustedProfiles = List.copyOf(trustedProfiles);
        }
    }

    public record OpsSettings(int maxTimeoutSeconds, MemoryRange memoryRange) {
    }

    public record MemoryRange(int min, int max) {
    }
}
