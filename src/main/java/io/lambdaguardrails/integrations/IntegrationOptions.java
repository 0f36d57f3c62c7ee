package io.lambdaguardrails.integrations;

import io.lambdaguardrails.findings.Severity;

import java.util.List;

/**
 * Where a run's findings go beyond the reports.
 *
 * @param securityHubRegion import the findings into Security Hub of the scanning account in this region; null: no import
 * @param notifyTargets     where to say that something new appeared; empty: nowhere
 * @param notifyOn          new open findings at or above this severity are worth a notification
 */
public record IntegrationOptions(String securityHubRegion, List<NotifyTarget> notifyTargets, Severity notifyOn) {

    public static final Severity DEFAULT_NOTIFY_ON = Severity.HIGH;
    public static final IntegrationOptions NONE = new IntegrationOptions(null, List.of(), DEFAULT_NOTIFY_ON);

    public IntegrationOptions {
        notifyTargets = List.copyOf(notifyTargets);
        notifyOn = notifyOn == null ? DEFAULT_NOTIFY_ON : notifyOn;
    }

    /** @throws IllegalArgumentException for a target that is neither {@code sns:ARN} nor a webhook URL */
    public static IntegrationOptions parse(String securityHubRegion, List<String> notify, Severity notifyOn) {
        return new IntegrationOptions(securityHubRegion, notify.stream().map(NotifyTarget::parse).toList(), notifyOn);
    }

    public boolean any() {
        return securityHubRegion != null || !notifyTargets.isEmpty();
    }
}
