package io.lambdaguardrails.inventory.snapshot;

import java.util.List;

/**
 * Config and Access Analyzer as seen from one region. A list is null when it could not be read (see coverage), so
 * that rules do not mistake "unknown" for "none". Trails are account-wide and live on {@link AccountInventory}.
 */
public record AuditPosture(
        List<ConfigRecorder> recorders,
        List<ConfigRule> configRules,
        List<Analyzer> analyzers) {

    public AuditPosture {
        recorders = recorders == null ? null : List.copyOf(recorders);
        configRules = configRules == null ? null : List.copyOf(configRules);
        analyzers = analyzers == null ? null : List.copyOf(analyzers);
    }

    /**
     * A trail visible to the account (its own, or an organisation trail of the management account), with status and
     * selectors read in its home region. The event selectors (basic or advanced) are reduced to the two facts rules
     * need; {@code isLogging} and {@code latestDeliveryError} come from GetTrailStatus (null when unknown).
     */
    public record Trail(String arn, String name, String homeRegion, boolean multiRegion, boolean organizationTrail,
                        Boolean isLogging, String latestDeliveryError, boolean managementEvents,
                        boolean lambdaDataEvents) {
    }

    /** A Config recorder; {@code recordsLambda} folds allSupported, inclusion and exclusion lists into one answer. */
    public record ConfigRecorder(String name, boolean recordsLambda, boolean recording, String lastStatus) {
    }

    public record ConfigRule(String name, String sourceIdentifier, String state) {
    }

    /** An Access Analyzer analyzer; {@code type} is ACCOUNT or ORGANIZATION (or their _UNUSED_ACCESS variants). */
    public record Analyzer(String arn, String name, String type, String status) {
    }
}
