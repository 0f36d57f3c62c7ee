package io.lambdaguardrails.inventory;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

import static org.assertj.core.api.Assertions.assertThat;

/** GetEventSelectors answers built with the SDK's own model, as CloudTrail returns them. */
class TrailSelectorsTest {

    @Test
    void aReadOnlyTrailDoesNotRecordWriteManagementEvents() {
        var readOnly = GetEventSelectorsResponse.builder().eventSelectors(e -> e.includeManagementEvents(true)
                .readWriteType(ReadWriteType.READ_ONLY)).build();
        var writeOnly = GetEventSelectorsResponse.builder().eventSelectors(e -> e.includeManagementEvents(true)
                .readWriteType(ReadWriteType.WRITE_ONLY)).build();
        assertThat(TrailCollector.recordsManagementEvents(readOnly)).isFalse();
        assertThat(TrailCollector.recordsManagementEvents(writeOnly)).isTrue();
    }

    @Test
    void anAdvancedManagementSelectorWithReadOnlyTrueDoesNotRecordWrites() {
        var readOnly = GetEventSelectorsResponse.builder().advancedEventSelectors(a -> a.fieldSelectors(
                f -> f.field("eventCategory").equalsValue("Management"), f -> f.field("readOnly").equalsValue("true"))).build();
        var writes = GetEventSelectorsResponse.builder().advancedEventSelectors(a -> a.fieldSelectors(
                f -> f.field("eventCategory").equalsValue("Management"), f -> f.field("readOnly").equalsValue("false"))).build();
        var all = GetEventSelectorsResponse.builder().advancedEventSelectors(a -> a.fieldSelectors(
                f -> f.field("eventCategory").equalsValue("Management"))).build();
        assertThat(TrailCollector.recordsManagementEvents(readOnly)).isFalse();
        assertThat(TrailCollector.recordsManagementEvents(writes)).isTrue();
        assertThat(TrailCollector.recordsManagementEvents(all)).isTrue();
    }
}
