package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;

import java.util.List;
import java.util.function.Function;

/**
 * Every trail the account can see, listed once per account (shadow copies included, so a multi-region trail homed
 * in an unscanned region still counts) and read in its home region. Organisation trails owned by another account
 * are listed but read in the management account, which owns them.
 */
public final class TrailCollector {

    static final String NAME = "cloudtrail";
    static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";

    private final CloudTrailClient discovery;
    private final Function<String, CloudTrailClient> inHomeRegion;
    private final ApiCaller calls;

    public TrailCollector(CloudTrailClient discovery, Function<String, CloudTrailClient> inHomeRegion, ApiCaller calls) {
        this.discovery = discovery;
        this.inHomeRegion = inHomeRegion;
        this.calls = calls;
    }

    /** Null when the trails could not be listed. */
    public List<Trail> collect() {
        var listed = calls.call(NAME, "cloudtrail:DescribeTrails",
                () -> discovery.describeTrails(r -> r.includeShadowTrails(true)).trailList());
        if (!listed.succeeded()) {
            return null;
        }
        return listed.value().stream()
                .filter(t -> t.trailARN() != null)
                .collect(java.util.stream.Collectors.toMap(t -> t.trailARN(), t -> t, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().map(this::trail).toList();
    }

    private Trail trail(software.amazon.awssdk.services.cloudtrail.model.Trail t) {
        boolean multiRegion = Boolean.TRUE.equals(t.isMultiRegionTrail());
        boolean orgTrail = Boolean.TRUE.equals(t.isOrganizationTrail());
        if (!ownedHere(t.trailARN())) {
            return new Trail(t.trailARN(), t.name(), t.homeRegion(), multiRegion, orgTrail, null, null, null, null);
        }
        CloudTrailClient home = inHomeRegion.apply(t.homeRegion());
        var status = calls.call(NAME, "cloudtrail:GetTrailStatus", () -> home.getTrailStatus(r -> r.name(t.trailARN())));
        var selectors = calls.call(NAME, "cloudtrail:GetEventSelectors", () -> home.getEventSelectors(r -> r.trailName(t.trailARN())));
        GetEventSelectorsResponse s = selectors.value();
        return new Trail(t.trailARN(), t.name(), t.homeRegion(), multiRegion, orgTrail,
                status.succeeded() ? status.value().isLogging() : null,
                status.succeeded() ? blankToNull(status.value().latestDeliveryError()) : null,
                s == null ? null : recordsManagementEvents(s), s == null ? null : recordsLambdaDataEvents(s));
    }

    private boolean ownedHere(String trailArn) {
        String[] parts = trailArn.split(":", 6);
        return parts.length > 4 && parts[4].equals(calls.accountId());
    }

    /**
     * Whether write management events (CreateFunction, AddPermission, UpdateFunctionCode…) are recorded: ReadWriteType
     * All or WriteOnly, or an advanced Management selector not limited to readOnly = true. No selectors at all means
     * the default: every management event.
     */
    static boolean recordsManagementEvents(GetEventSelectorsResponse s) {
        if (s.hasAdvancedEventSelectors() && !s.advancedEventSelectors().isEmpty()) {
            return s.advancedEventSelectors().stream().anyMatch(a -> fieldEquals(a, "eventCategory", "Management")
                    && !fieldEquals(a, "readOnly", "true") && !fieldNotEquals(a, "readOnly", "false"));
        }
        if (!s.hasEventSelectors() || s.eventSelectors().isEmpty()) {
            return true;
        }
        return s.eventSelectors().stream().anyMatch(e -> !Boolean.FALSE.equals(e.includeManagementEvents())
                && !"ReadOnly".equals(e.readWriteTypeAsString()));
    }

    static boolean recordsLambdaDataEvents(GetEventSelectorsResponse s) {
        if (s.hasAdvancedEventSelectors() && !s.advancedEventSelectors().isEmpty()) {
            return s.advancedEventSelectors().stream().anyMatch(a -> fieldEquals(a, "eventCategory", "Data")
                    && fieldEquals(a, "resources.type", LAMBDA_FUNCTION));
        }
        return s.hasEventSelectors() && s.eventSelectors().stream().map(EventSelector::dataResources)
                .filter(d -> d != null).flatMap(List::stream)
                .anyMatch(d -> LAMBDA_FUNCTION.equals(d.type()));
    }

    private static boolean fieldEquals(AdvancedEventSelector selector, String field, String value) {
        return selector.fieldSelectors().stream().filter(f -> field.equals(f.field()))
                .map(AdvancedFieldSelector::equalsValue).filter(v -> v != null).anyMatch(v -> v.contains(value));
    }

    private static boolean fieldNotEquals(AdvancedEventSelector selector, String field, String value) {
        return selector.fieldSelectors().stream().filter(f -> field.equals(f.field()))
                .map(AdvancedFieldSelector::notEquals).filter(v -> v != null).anyMatch(v -> v.contains(value));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
