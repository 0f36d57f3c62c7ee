package io.lambdaguardrails.inventory;

import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.snapshot.AuditPosture.Trail;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedEventSelector;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Trails read as CloudTrail returns them: moto stores basic and advanced event selectors as PutEventSelectors gives
 * them and answers GetEventSelectors with them, so each case goes through the real wire shape and the collector.
 * "Management" means Lambda's write management events (CreateFunction, AddPermission, UpdateFunctionCode…); "data"
 * means Lambda Invoke data events, which are write events.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class TrailSelectorsTest {

    private static final String REGION = "us-east-1";
    private static final String LAMBDA = "AWS::Lambda::Function";

    static ScanHarness harness;
    static SeededOrganization org;
    static Map<String, Trail> trails;

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("no-selectors", null, true, false),
                arguments("basic-read-only", basic(e -> e.readWriteType(ReadWriteType.READ_ONLY)), false, false),
                arguments("basic-write-only", basic(e -> e.readWriteType(ReadWriteType.WRITE_ONLY)), true, false),
                arguments("basic-no-management", basic(e -> e.includeManagementEvents(false)
                        .dataResources(d -> d.type(LAMBDA).values("arn:aws:lambda"))), false, true),
                arguments("basic-lambda-data", basic(e -> e.dataResources(d -> d.type(LAMBDA).values("arn:aws:lambda"))), true, true),
                arguments("basic-lambda-data-read-only", basic(e -> e.readWriteType(ReadWriteType.READ_ONLY)
                        .dataResources(d -> d.type(LAMBDA).values("arn:aws:lambda"))), false, false),
                arguments("basic-s3-data", basic(e -> e.dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3"))), true, false),
                arguments("advanced-management", advanced(field("eventCategory", "Management")), true, false),
                arguments("advanced-management-read-only", advanced(field("eventCategory", "Management"),
                        field("readOnly", "true")), false, false),
                arguments("advanced-management-writes", advanced(field("eventCategory", "Management"),
                        field("readOnly", "false")), true, false),
                arguments("advanced-management-not-writes", advanced(field("eventCategory", "Management"),
                        notEquals("readOnly", "false")), false, false),
                arguments("advanced-management-without-lambda", advanced(field("eventCategory", "Management"),
                        notEquals("eventSource", "lambda.amazonaws.com")), false, false),
                arguments("advanced-management-without-kms", advanced(field("eventCategory", "Management"),
                        notEquals("eventSource", "kms.amazonaws.com")), true, false),
                arguments("advanced-lambda-data", advanced(field("eventCategory", "Data"), field("resources.type", LAMBDA)), false, true),
                arguments("advanced-lambda-data-some-functions", advanced(field("eventCategory", "Data"), field("resources.type", LAMBDA),
                        AdvancedFieldSelector.builder().field("resources.ARN").startsWith("arn:aws:lambda:us-east-1:123456789012:function:pay").build()),
                        false, true),
                arguments("advanced-lambda-data-read-only", advanced(field("eventCategory", "Data"), field("resources.type", LAMBDA),
                        field("readOnly", "true")), false, false),
                arguments("advanced-lambda-data-other-events", advanced(field("eventCategory", "Data"), field("resources.type", LAMBDA),
                        field("eventName", "GetFunction")), false, false),
                arguments("advanced-s3-data", advanced(field("eventCategory", "Data"), field("resources.type", "AWS::S3::Object")), false, false),
                arguments("advanced-management-lambda-type", advanced(field("eventCategory", "Management"),
                        field("resources.type", LAMBDA)), true, false),
                arguments("advanced-both", (Consumer<PutEventSelectorsRequest.Builder>) b -> b.advancedEventSelectors(
                        AdvancedEventSelector.builder().name("writes").fieldSelectors(field("eventCategory", "Management"), field("readOnly", "false")).build(),
                        AdvancedEventSelector.builder().name("invokes").fieldSelectors(field("eventCategory", "Data"), field("resources.type", LAMBDA)).build()),
                        true, true));
    }

    @BeforeAll
    static void seed(MotoServer moto) {
        harness = new ScanHarness(moto.endpoint());
        org = harness.createOrganization();
        try (CloudTrailClient cloudTrail = harness.clients().client(CloudTrailClient::builder, Region.of(REGION),
                SeededOrganization.EMULATOR_CREDENTIALS)) {
            cases().forEach(c -> {
                String name = (String) c.get()[0];
                @SuppressWarnings("unchecked")
                var selectors = (Consumer<PutEventSelectorsRequest.Builder>) c.get()[1];
                org.management().trail(REGION, name, false);
                if (selectors != null) {
                    cloudTrail.putEventSelectors(r -> selectors.accept(r.trailName(name)));
                }
            });
        }
        Snapshot snapshot = harness.scan(ScanRequest.builder().accounts(org.management().id()).regions(REGION).build());
        trails = snapshot.accounts().getFirst().trails().stream().collect(Collectors.toMap(Trail::name, t -> t));
    }

    @AfterAll
    static void close() {
        org.close();
        harness.close();
    }

    @ParameterizedTest(name = "{0}: management {2}, Lambda data {3}")
    @MethodSource("cases")
    void recordsWhatTheSelectorsSay(String name, Consumer<PutEventSelectorsRequest.Builder> selectors,
                                    boolean managementEvents, boolean lambdaDataEvents) {
        Trail trail = trails.get(name);

        assertThat(trail).as(name).isNotNull();
        assertThat(trail.managementEvents()).as("write management events").isEqualTo(managementEvents);
        assertThat(trail.lambdaDataEvents()).as("Lambda data events").isEqualTo(lambdaDataEvents);
    }

    private static Consumer<PutEventSelectorsRequest.Builder> basic(Consumer<EventSelector.Builder> selector) {
        return r -> r.eventSelectors(e -> selector.accept(e.includeManagementEvents(true).readWriteType(ReadWriteType.ALL)));
    }

    private static Consumer<PutEventSelectorsRequest.Builder> advanced(AdvancedFieldSelector... fields) {
        return r -> r.advancedEventSelectors(a -> a.name("selector").fieldSelectors(List.of(fields)));
    }

    private static AdvancedFieldSelector field(String name, String value) {
        return AdvancedFieldSelector.builder().field(name).equalsValue(value).build();
    }

    private static AdvancedFieldSelector notEquals(String name, String value) {
        return AdvancedFieldSelector.builder().field(name).notEquals(value).build();
    }
}
