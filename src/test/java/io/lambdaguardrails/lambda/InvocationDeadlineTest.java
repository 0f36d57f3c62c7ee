package io.lambdaguardrails.lambda;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class InvocationDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(60);

    static Stream<Arguments> remainingTimes() {
        return Stream.of(
                arguments("15 minutes left", 900_000L, NOW.plusSeconds(840)),
                arguments("two minutes left", 120_000L, NOW.plusSeconds(60)),
                arguments("less than the margin: stop now, publish what there is", 30_000L, NOW),
                arguments("no deadline known (local event server)", 0L, null),
                arguments("past", -5_000L, null),
                arguments("more than Lambda allows", 3_600_000L, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("remainingTimes")
    void theScanStopsTheMarginBeforeLambdaDoes(String name, long remainingMillis, Instant expected) {
        assertThat(InvocationDeadline.of(remainingMillis, MARGIN, NOW).instant()).isEqualTo(expected);
    }
}
