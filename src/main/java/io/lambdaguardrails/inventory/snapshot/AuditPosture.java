package io.lambdaguardrails.inventory.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Set;

/**
 * Config and Access Analyzer as seen from one region. A part that could not be read (see coverage) is not
 * {@link #collected}, so that rules do not mistake "unknown" for "none". Trails are account-wide and live on
 * {@link AccountInventory}.
 */
public record AuditPosture(
        List<ConfigRecorder> recorders,
        List<ConfigRule> configRules,
        List<Analyzer> analyzers,
        Set<Part> notCollected) {

    public enum Part {
        RECORDERS, CONFIG_RULES, ANALYZERS
    }

    public AuditPosture {
        var missing = NotCollected.start(Part.class, notCollected);
        recorders = NotCollected.list(recorders, Part.RECORDERS, missing);
        configRules = NotCollected.list(configRules, Part.CONFIG_RULES, missing);
        analyzers = NotCollected.list(analyzers, Part.ANALYZERS, missing);
        notCollected = NotCollected.done(missing);
    }

    /** Each list as read, or null where it could not be. */
    public AuditPosture(List<ConfigRecorder> recorders, List<ConfigRule> configRules, List<Analyzer> analyzers) {
        this(recorders, configRules, analyzers, Set.of());
    }

    /** Nothing read: the region was not looked at. */
    public static AuditPosture unknown() {
        return new AuditPosture(List.of(), List.of(), List.of(), Set.of(Part.values()));
    }

    public boolean collected(Part part) {
        return !notCollected.contains(part);
    }

    /**
     * A trail visible to the account (its own, or an organisation trail of the management account), with status and
     * selectors read in its home region by the account that owns it. The event selectors (basic or advanced) are
     * reduced to the two facts rules need, null when they were not read (a trail another account owns, or
     * GetEventSelectors failed); {@code isLogging} and {@code latestDeliveryError} come from GetTrailStatus (null
     * when unknown).
     */
    public record Trail(String arn, String name, String homeRegion, boolean multiRegion, boolean organizationTrail,
                        Boolean isLogging, String latestDeliveryError, Boolean managementEvents,
                        Boolean lambdaDataEvents) {

        /** The trail as its listing shows it, with nothing its owner reads: status and selectors unknown. */
        public Trail unread() {
            return new Trail(arn, name, homeRegion, multiRegion, organizationTrail, null, null, null, null);
        }
    }

    /** A Config recorder; {@code recordsLambda} folds allSupported, inclusion and exclusion lists into one answer. */
    public record ConfigRecorder(String name, boolean recordsLambda, boolean recording, LastStatus lastStatus) {

        /** The outcome of the recorder's last delivery attempt; null when not said. */
        public enum LastStatus {
            PENDING, SUCCESS, FAILURE, UNKNOWN;

            /** AWS spells it Pending, as the saved inventory keeps it. */
            @JsonValue
            public String awsName() {
                return AwsNames.pascalCase(this);
            }

            @JsonCreator
            public static LastStatus of(String text) {
                return AwsNames.of(LastStatus.class, text);
            }
        }
    }

    public record ConfigRule(String name, String sourceIdentifier, State state) {

        /** Whether the rule is evaluating resources or being deleted; null when not said. */
        public enum State {
            ACTIVE, DELETING, DELETING_RESULTS, EVALUATING, UNKNOWN;

            @JsonCreator
            public static State of(String text) {
                return AwsNames.of(State.class, text);
            }
        }
    }

    /** An Access Analyzer analyzer. */
    public record Analyzer(String arn, String name, Type type, Status status) {

        /** Whose resources the analyzer watches, and for what: external access, unused access, internal access. */
        public enum Type {
            ACCOUNT, ORGANIZATION, ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, ACCOUNT_INTERNAL_ACCESS,
            ORGANIZATION_INTERNAL_ACCESS, UNKNOWN;

            @JsonCreator
            public static Type of(String text) {
                return AwsNames.of(Type.class, text);
            }
        }

        /** Whether the analyzer is analysing; only an active one finds anything. */
        public enum Status {
            ACTIVE, CREATING, DISABLED, FAILED, UNKNOWN;

            @JsonCreator
            public static Status of(String text) {
                return AwsNames.of(Status.class, text);
            }
        }
    }
}
