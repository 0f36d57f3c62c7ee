package io.lambdaguardrails.job;

import io.lambdaguardrails.rules.config.ConfigException;
import io.lambdaguardrails.scan.ScanException;
import io.lambdaguardrails.sink.SinkException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One mapping from a failure to an exit code, for scan, evaluate, merge and render alike. */
class ExitStatusTest {

    @Test
    void whatTheUserCanFixIsAUsageError() {
        assertThat(ExitStatus.forFailure(new ScanException("no account left to scan"))).contains(ExitStatus.USAGE);
        assertThat(ExitStatus.forFailure(new ConfigException("guardrails.yaml", 3, 1, "unknown key"))).contains(ExitStatus.USAGE);
        assertThat(ExitStatus.forFailure(new UnusableInput("no such file: x.json"))).contains(ExitStatus.USAGE);
    }

    @Test
    void reportsThatCouldNotGoWhereAskedAreNotDelivered() {
        assertThat(ExitStatus.forFailure(new SinkException("cannot write out/report.html"))).contains(ExitStatus.NOT_DELIVERED);
    }

    @Test
    void anythingElseIsLeftToTheInternalErrorHandler() {
        assertThat(ExitStatus.forFailure(new IllegalArgumentException("a bug"))).isEqualTo(Optional.empty());
        assertThat(ExitStatus.forFailure(new UncheckedIOException(new java.io.IOException("disk")))).isEmpty();
    }
}
