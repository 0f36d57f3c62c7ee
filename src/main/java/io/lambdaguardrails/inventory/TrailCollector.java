package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

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
    private static final String LAMBDA_SOURCE = "lambda.amazonaws.com";

    private final CloudTrailClient discovery;
    private final Function<String, CloudTrailClient> inHomeRegion;
    private final ApiCaller calls;

    public TrailCollector(CloudTrailClient discovery,
                          Function<String, CloudTrailClient> inHomeRegion, ApiCaller calls) {
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
        var status = calls.call(NAME, "cloudtrail:GetTrailStatus",
                () -> home.getTrailStatus(r -> r.name(t.trailARN())));
        var selectors = calls.call(NAME, "cloudtrail:GetEventSelectors",
                () -> home.getEventSelectors(r -> r.trailName(t.trailARN())));
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
     * Whether Lambda's write management events (CreateFunction, AddPermission, UpdateFunctionCode…) are recorded. Basic
     * selectors: one that includes management events with ReadWriteType All or WriteOnly. Advanced selectors (which
     * replace basic ones): one with {@code eventCategory} Management whose {@code readOnly} does not limit it to read
     * events and whose {@code eventSource} does not leave out lambda.amazonaws.com. No selectors at all means the
     * default: every management event.
     */
    static boolean recordsManagementEvents(GetEventSelectorsResponse s) {
        if (s.hasAdvancedEventSelectors() && !s.advancedEventSelectors().isEmpty()) {
            return s.advancedEventSelectors().stream().anyMatch(a -> selects(a, "eventCategory", "Management")
                    && admits(a, "readOnly", "false") && admits(a, "eventSource", LAMBDA_SOURCE));
        }
        if (!s.hasEventSelectors() || s.eventSelectors().isEmpty()) {
            return true;
        }
        return s.eventSelectors().stream().anyMatch(e -> !Boolean.FALSE.equals(e.includeManagementEvents()) && recordsWrites(e));
    }

    /**
     * Whether Lambda Invoke data events are recorded (for all functions or some: a selection by ARN still counts).
     * Invoke is a write event, so a selector limited to read events records none. Basic selectors: a data resource of
     * type AWS::Lambda::Function in a selector with ReadWriteType All or WriteOnly. Advanced: {@code eventCategory}
     * Data and {@code resources.type} AWS::Lambda::Function, with {@code readOnly} and {@code eventName} admitting
     * Invoke.
     */
    static boolean recordsLambdaDataEvents(GetEventSelectorsResponse s) {
        if (s.hasAdvancedEventSelectors() && !s.advancedEventSelectors().isEmpty()) {
            return s.advancedEventSelectors().stream().anyMatch(a -> selects(a, "eventCategory", "Data")
                    && selects(a, "resources.type", LAMBDA_FUNCTION) && admits(a, "readOnly", "false")
                    && admits(a, "eventName", "Invoke"));
        }
        return s.hasEventSelectors() && s.eventSelectors().stream().filter(TrailCollector::recordsWrites)
                .map(EventSelector::dataResources).filter(d -> d != null).flatMap(List::stream)
                .anyMatch(d -> LAMBDA_FUNCTION.equals(d.type()));
    }

    private static boolean recordsWrites(EventSelector selector) {
        return selector.readWriteType() != ReadWriteType.READ_ONLY;
    }

    /** The selector names {@code field} and lets {@code value} through. */
    private static boolean selects(AdvancedEventSelector selector, String field, String value) {
        return selector.fieldSelectors().stream().anyMatch(f -> field.equals(f.field())) && admits(selector, field, value);
    }

    /**
     * Every condition on {@code field} lets {@code value} through (all field selectors of a selector must match; a
     * field it does not name matches any value). Conditions AWS accepts: Equals, NotEquals, StartsWith,
     * NotStartsWith, EndsWith, NotEndsWith, each a list any of whose values may match.
     */
    static boolean admits(AdvancedEventSelector selector, String field, String value) {
        return selector.fieldSelectors().stream().filter(f -> field.equals(f.field())).allMatch(f -> admits(f, value));
    }

    private static boolean admits(AdvancedFieldSelector f, String value) {
        return (!f.hasEqualsValue() || f.equalsValue().contains(value))
                && (!f.hasStartsWith() || f.startsWith().stream().anyMatch(value::startsWith))
                && (!f.hasEndsWith() || f.endsWith().stream().anyMatch(value::endsWith))
                && (!f.hasNotEquals() || !f.notEquals().contains(value))
                && (!f.hasNotStartsWith() || f.notStartsWith().stream().noneMatch(value::startsWith))
                && (!f.hasNotEndsWith() || f.notEndsWith().stream().noneMatch(value::endsWith));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
