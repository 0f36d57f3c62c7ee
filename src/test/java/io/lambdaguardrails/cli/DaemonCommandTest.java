package io.lambdaguardrails.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The daemon refuses a schedule it cannot keep before it starts, checked in process. A cron expression the scheduler
 * cannot parse is refused by the application (DaemonCommandAppTest); scheduled runs and the graceful stop are tested
 * on the packaged CLI, with a real SIGTERM, in DaemonIT.
 */
class DaemonCommandTest {

    static Stream<Arguments> badSchedules() {
        return Stream.of(
                arguments("no schedule", List.of(), "give exactly one of --cron and --every"),
                arguments("both", List.of("--cron", "0 2 * * *", "--every", "1h"), "give exactly one of --cron and --every"),
                arguments("unknown time zone", List.of("--cron", "0 2 * * *", "--time-zone", "Mars/Olympus"), "is not a time zone"),
                arguments("sub-second interval", List.of("--every", "500ms"), "--every must be at least 1s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSchedules")
    void aBadScheduleIsAUsageError(String name, List<String> schedule, String message) {
        List<String> args = new ArrayList<>(List.of("--output", "./unused", "--region", "us-east-1"));
        args.addAll(schedule);

        CommandRun run = CommandRun.of(new DaemonCommand(), args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
