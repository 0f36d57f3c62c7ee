package io.lambdaguardrails.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ViewNamesTest {

    private static final String SAFE = "[a-z0-9_][a-z0-9._-]*";

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("parent folder", "../../etc/passwd", "etc-passwd-"),
                Arguments.of("only dots", "..", ""),
                Arguments.of("slashes", "team/a\\b", "team-a-b-"),
                Arguments.of("capitals and spaces", "Payments Team", "payments-team-"),
                Arguments.of("unicode", "équipe-日本", "quipe-"),
                Arguments.of("right-to-left override", "team\u202Eexe", "team-exe-"),
                Arguments.of("empty", "", ""),
                Arguments.of("blank", "   ", ""),
                Arguments.of("control characters", "a\nb\u0000c", "a-b-c-"),
                Arguments.of("very long", "x".repeat(5000), "x".repeat(48) + "-"),
                Arguments.of("s3 specials", "a+b?c#d%e&f", "a-b-c-d-e-f-"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileValuesBecomeSafeDeterministicNames(String name, String value, String prefix) {
        String folder = ViewNames.of(value);

        assertThat(folder).matches(SAFE).startsWith(prefix).hasSizeLessThanOrEqualTo(61)
                .isNotIn(".", "..").doesNotEndWith(".");
        assertThat(ViewNames.of(value)).as("the same value, the same folder every run").isEqualTo(folder);
        assertThat(folder).as("a changed name carries a hash of the whole value").matches(".*[0-9a-f]{12}");
    }

    @Test
    void aValueThatIsAlreadySafeIsItsOwnFolder() {
        assertThat(ViewNames.of("team-a")).isEqualTo("team-a");
        assertThat(ViewNames.of("111122223333")).isEqualTo("111122223333");
        assertThat(ViewNames.of("unowned")).isEqualTo("unowned");
    }

    @Test
    void valuesThatLookAlikeGetDifferentFoldersAlsoWhereCaseIsIgnored() {
        List<String> values = List.of("team-a", "Team-A", "team a", "team/a", "team\\a", "TEAM-A", "");

        Map<String, String> folders = ViewNames.of(values);

        assertThat(folders).hasSize(values.size());
        assertThat(new HashSet<>(folders.values().stream().map(f -> f.toLowerCase(Locale.ROOT)).toList()))
                .hasSize(values.size());
        assertThat(folders.get("team-a")).isEqualTo("team-a");
    }

    @Test
    void aClashLeftAfterHashingIsSettledWithACounterTheSameWayEveryRun() {
        String hashed = ViewNames.of("Team A");
        List<String> values = List.of("Team A", hashed);

        Map<String, String> folders = ViewNames.of(values);

        assertThat(folders.values()).doesNotHaveDuplicates();
        assertThat(ViewNames.of(List.of(hashed, "Team A"))).isEqualTo(folders);
    }
}
