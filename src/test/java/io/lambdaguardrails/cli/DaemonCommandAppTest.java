package io.lambdaguardrails.cli;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon command wired into the application: the application's scheduler refuses a Quartz cron before any run. */
@Tag("app")
@QuarkusMainTest
class DaemonCommandAppTest {

    @Test
    void aCronTheSchedulerCannotParseIsAUsageError(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("daemon", "--output", "./unused", "--region", "us-east-1",
                "--cron", "0 0 2 * * ?");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("--cron '0 0 2 * * ?'");
    }
}
