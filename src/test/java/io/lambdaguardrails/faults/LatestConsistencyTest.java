package io.lambdaguardrails.faults;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.report.HtmlReport;
import io.lambdaguardrails.report.ReportPlace;
import io.lambdaguardrails.report.Json;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.SampleResults;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.sink.BaselineOutcome;
import io.lambdaguardrails.sink.Baselines;
import io.lambdaguardrails.sink.Encryption;
import io.lambdaguardrails.sink.LatestManifest;
import io.lambdaguardrails.sink.LocalDirectorySink;
import io.lambdaguardrails.sink.Publication;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportFiles;
import io.lambdaguardrails.sink.ReportKeys;
import io.lambdaguardrails.sink.ReportPublisher;
import io.lambdaguardrails.sink.ReportSink;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.sink.S3Location;
import io.lambdaguardrails.sink.S3Sink;
import io.lambdaguardrails.sink.SinkException;
import io.lambdaguardrails.testbed.Fault;
import io.lambdaguardrails.testbed.FaultProxy;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code latest/} never holds a mix of runs and the baseline is only ever a complete, delivered run: a writer that
 * loses the race to another leaves {@code latest/} to the winner, a write that fails part-way leaves the previous
 * complete set, and copies without a manifest are never a baseline.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class LatestConsistencyTest {

    static final Set<ReportFormat> ALL = EnumSet.allOf(ReportFormat.class);
    static final ScanResult EARLIER = withRunId("20261128T010000Z-aaaaaa");
    static final ScanResult LATER = withRunId("20261128T020000Z-bbbbbb");

    @TempDir
    Path dir;

    MotoServer moto;
    ClientFactory clients;
    String bucket;

    @BeforeEach
    void bucket(MotoServer server) {
        moto = server;
        clients = factory(moto.endpoint());
        bucket = "reports-" + UUID.randomUUID().toString().substring(0, 8);
        clients.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS).createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "s3"})
    void aWriterThatLosesTheRaceLeavesLatestToTheWinner(String kind) throws IOException {
        ReportSink shared = sink(kind, clients);
        // The later run publishes in full while the earlier one is between its first and second copy into latest/.
        ReportSink interleaved = new Interleaving(shared, ReportKeys.latest(ReportFormat.JSON),
                () -> assertThat(publish(shared, LATER).latestReplaced()).isTrue());

        Publication loser = publish(interleaved, EARLIER);

        assertThat(loser.delivered()).as("its own run folder is complete").isTrue();
        assertThat(loser.latest()).isEqualTo(Publication.Latest.TAKEN_BY_ANOTHER_RUN);
        assertLatestHolds(shared, LATER);
    }

    @Test
    void aLatestWriteThatFailsPartWayLeavesThePreviousCompleteSetAndBaseline() throws IOException {
        ReportSink sink = sink("s3", clients);
        assertThat(publish(sink, EARLIER).latestReplaced()).isTrue();

        Publication failed;
        try (FaultProxy proxy = new FaultProxy(moto.endpoint())
                .inject(Fault.on("s3", "PutObject").forResource("latest/" + ReportFormat.CSV.fileName())
                        .error(Fault.AwsError.accessDenied("s3")).times(1));
             ClientFactory throughProxy = factory(proxy.endpoint())) {
            failed = publish(sink("s3", throughProxy), LATER);
        }

        assertThat(failed.delivered()).isFalse();
        assertLatestHolds(sink, EARLIER);
        BaselineOutcome baseline = new Baselines(new ReportFiles(s3Access(clients))).load(Baselines.AUTO, sink);
        assertThat(baseline).isInstanceOfSatisfying(BaselineOutcome.Compared.class,
                compared -> assertThat(compared.baseline().runId()).isEqualTo(EARLIER.runId()));
    }

    @Test
    void copiesInLatestWithoutAManifestAreNeverABaseline() throws Exception {
        Path report = Files.createDirectories(dir.resolve("out/latest")).resolve(ReportFormat.JSON.fileName());
        try (var out = Files.newOutputStream(report)) {
            ReportFormat.JSON.mainFile().write(LATER, HtmlReport.bundled(), ReportPlace.RUN, out);
        }

        BaselineOutcome baseline = new Baselines(new ReportFiles(s3Access(clients)))
                .load(Baselines.AUTO, new LocalDirectorySink(dir.resolve("out")));

        assertThat(baseline).isInstanceOf(BaselineOutcome.Unreadable.class);
        assertThat(baseline.describe()).contains("no manifest");
    }

    private void assertLatestHolds(ReportSink sink, ScanResult run) throws IOException {
        LatestManifest manifest = Json.mapper().readValue(sink.read(LatestManifest.KEY).orElseThrow(), LatestManifest.class);
        assertThat(manifest.runId()).isEqualTo(run.runId());
        for (ReportFormat format : ALL) {
            assertThat(sink.read(ReportKeys.latest(format)).orElseThrow()).as("latest/%s", format.fileName())
                    .isEqualTo(sink.read(ReportKeys.inFolder(ReportKeys.runFolder(run), format)).orElseThrow());
        }
    }

    private Publication publish(ReportSink sink, ScanResult run) {
        return new ReportPublisher(sink, HtmlReport.bundled(), dir.resolve("fallback")).publish(run, ALL, PublishMode.FULL);
    }

    private ReportSink sink(String kind, ClientFactory factory) {
        if (kind.equals("local")) {
            return new LocalDirectorySink(dir.resolve("out"));
        }
        S3Access access = s3Access(factory);
        return new S3Sink(access.client(), access.presigner(), S3Location.parse("s3://" + bucket + "/guardrails"),
                Encryption.s3Managed());
    }

    private static S3Access s3Access(ClientFactory factory) {
        return S3Access.lazy(() -> factory.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS),
                () -> factory.presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS));
    }

    private static ClientFactory factory(URI endpoint) {
        return new ClientFactory(new AwsSettings(endpoint, "us-east-1", 1, Duration.ofSeconds(30), 8));
    }

    private static ScanResult withRunId(String runId) {
        ScanResult t = SampleResults.typical();
        return new ScanResult(t.schemaVersion(), runId, t.startedAt(), t.finishedAt(), t.tool(), t.principal(),
                t.request(), t.accounts(), t.coverage(), t.notEvaluated(), t.findings(), t.resolved(), t.rules());
    }

    /** Runs {@code meanwhile} once, right after the write of {@code key} — another writer in the middle of this one. */
    private static final class Interleaving implements ReportSink {
        private final ReportSink sink;
        private final String key;
        private Runnable meanwhile;

        Interleaving(ReportSink sink, String key, Runnable meanwhile) {
            this.sink = sink;
            this.key = key;
            this.meanwhile = meanwhile;
        }

        @Override
        public void write(String k, Path file, String contentType) {
            sink.write(k, file, contentType);
            if (k.equals(key) && meanwhile != null) {
                Runnable once = meanwhile;
                meanwhile = null;
                once.run();
            }
        }

        @Override
        public Optional<byte[]> read(String k) {
            return sink.read(k);
        }

        @Override
        public Optional<Versioned> readVersioned(String k) {
            return sink.readVersioned(k);
        }

        @Override
        public boolean writeIfUnchanged(String k, Path file, String contentType, String expectedVersion) {
            return sink.writeIfUnchanged(k, file, contentType, expectedVersion);
        }

        @Override
        public List<String> list(String prefix) {
            return sink.list(prefix);
        }

        @Override
        public void delete(String k) {
            sink.delete(k);
        }

        @Override
        public void copy(String from, String to, String contentType) {
            sink.copy(from, to, contentType);
        }

        @Override
        public String location(String k) {
            return sink.location(k);
        }

        @Override
        public URI link(String k, Duration expiry) throws SinkException {
            return sink.link(k, expiry);
        }
    }
}
