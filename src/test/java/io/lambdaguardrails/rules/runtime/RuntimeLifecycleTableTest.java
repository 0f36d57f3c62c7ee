package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.rules.RuntimeLifecycle;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Runtime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeLifecycleTableTest {

    private final RuntimeLifecycleTable shipped = RuntimeLifecycleTable.shipped();

    @Test
    void saysWhenItWasLastChecked() {
        assertThat(shipped.lastChecked()).isEqualTo(LocalDate.of(2026, 11, 28));
    }

    @ParameterizedTest(name = "{0} deprecated {1}")
    @CsvSource({
            "python3.8, 2024-10-14", "nodejs16.x, 2024-06-12", "nodejs18.x, 2025-09-01", "python3.9, 2025-12-15",
            "ruby3.2, 2026-03-31", "nodejs20.x, 2026-04-30", "provided.al2, 2026-07-31", "python3.10, 2026-10-31",
            "dotnet8, 2026-11-10", "java8.al2, 2027-06-30", "java11, 2027-06-30", "java17, 2027-06-30",
            "python3.11, 2027-06-30", "nodejs22.x, 2027-04-30", "python2.7, 2021-07-15", "nodejs, 2016-10-31",
            "go1.x, 2024-01-08", "java8, 2024-01-08", "provided, 2024-01-08", "dotnetcore3.1, 2023-04-03"})
    void shipsTheDeprecationDates(String runtime, LocalDate deprecation) {
        assertThat(shipped.lookup(runtime)).map(RuntimeLifecycle::deprecation).contains(deprecation);
    }

    /** Every runtime the AWS SDK knows must have an entry, dated or not, so that no runtime goes unchecked. */
    @Test
    void listsEveryRuntimeTheAwsSdkKnows() {
        List<String> missing = Runtime.knownValues().stream().map(Runtime::toString)
                .filter(runtime -> shipped.lookup(runtime).isEmpty()).toList();
        assertThat(missing).as("runtimes of the AWS SDK missing from " + RuntimeLifecycleTable.RESOURCE).isEmpty();
    }

    @Test
    void blockDatesNeverPrecedeDeprecationNorEachOther() {
        shipped.runtimes().forEach((runtime, l) -> {
            if (l.blockCreate() != null) {
                assertThat(l.blockCreate()).as(runtime).isAfterOrEqualTo(l.deprecation());
            }
            if (l.blockUpdate() != null && l.blockCreate() != null) {
                assertThat(l.blockUpdate()).as(runtime).isAfterOrEqualTo(l.blockCreate());
            }
        });
    }

    @Test
    void overridesReplaceOrAddRuntimes() {
        var override = new RuntimeLifecycle(LocalDate.of(2030, 1, 1), null, null);
        var table = shipped.withOverrides(Map.of("python3.8", override, "custom.runtime", override));

        assertThat(table.lookup("python3.8")).contains(override);
        assertThat(table.lookup("custom.runtime")).contains(override);
        assertThat(table.lookup("nodejs22.x")).isEqualTo(shipped.lookup("nodejs22.x"));
    }

    @Test
    void datesNodejs43EdgeFromAwsSchedule() {
        assertThat(shipped.lookup("nodejs4.3-edge")).contains(new RuntimeLifecycle(LocalDate.of(2018, 4, 30),
                LocalDate.of(2018, 12, 15), LocalDate.of(2019, 4, 30)));
    }

    @Test
    void rejectsAnEntryWithoutDatesOrANoteSayingWhy() {
        String empty = """
                lastChecked: 2026-11-28
                runtimes:
                  java21: {}
                """;
        String noted = """
                lastChecked: 2026-11-28
                runtimes:
                  java21: {note: "no dates announced"}
                """;
        assertThatThrownBy(() -> RuntimeLifecycleTable.parse(new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("java21 has no deprecation date and no note saying why");
        assertThat(parse(noted).lookup("java21")).contains(new RuntimeLifecycle(null, null, null));
    }

    private static RuntimeLifecycleTable parse(String yaml) {
        try {
            return RuntimeLifecycleTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rejectsAMisspeltKey() {
        String yaml = """
                lastChecked: 2026-11-28
                runtimes:
                  python3.8: {deprecated: 2024-10-14}
                """;
        assertThatThrownBy(() -> RuntimeLifecycleTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("python3.8 has an unknown key 'deprecated'");
    }
}
