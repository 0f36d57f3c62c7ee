package io.lambdaguardrails.cli;

import io.lambdaguardrails.demo.SampleOrganisation;
import io.lambdaguardrails.demo.SeededAccount;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.AccountInventory;
import io.lambdaguardrails.inventory.snapshot.OrgAccount;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.report.FindingsJson;
import io.lambdaguardrails.report.ReportFormat;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.rules.access.ForeignAccountAccess;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanException;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Shard;
import io.lambdaguardrails.sink.Encryption;
import io.lambdaguardrails.sink.PublishMode;
import io.lambdaguardrails.sink.ReportDelivery;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoExtension;
import io.lambdaguardrails.testbed.MotoOrganisation;
import io.lambdaguardrails.testbed.ScanHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sharded scan of the sample organisation on moto, end to end: three shards of one run write partial results and
 * completion markers to S3, {@code merge --run-id --shards} publishes one report with exactly the findings of an
 * unsharded scan, and refuses to publish when a shard is missing.
 */
@Tag("moto")
@ExtendWith(MotoExtension.class)
class ShardedScanTest {

    private static final String BUCKET = "sharded-reports";
    private static final String SHARDS_OUTPUT = "s3://" + BUCKET + "/sharded";
    private static final String OUTSIDER = "444455556666";
    private static final int SHARDS = 3;
    private static final String[] REGIONS = SampleOrganisation.REGIONS.toArray(String[]::new);

    @RegisterExtension
    static final MotoOrganisation MOTO = new MotoOrganisation();
    static ScanHarness harness;
    static SeededOrganization org;
    static S3Client s3;
    /** A member that grants invoke to an account of the organisation in another shard, and to one outside it. */
    static SeededAccount granting;
    static String sister;

    @BeforeAll
    static void seed() {
        harness = MOTO.harness();
        org = MOTO.org();
        SampleOrganisation.seed(org);
        granting = org.account("shared-services", org.rootId(), Map.of());
        Shard grantingShard = shardOf(granting.id());
        sister = organisationAccounts().stream().filter(id -> !grantingShard.owns(id)).findFirst()
                .orElseGet(() -> org.account("sister", org.rootId(), Map.of()).id());
        String role = granting.role("fn-role", Map.of(), List.of());
        granting.function("us-east-1", "cross-account", role, "python3.12", f -> f);
        granting.permission("us-east-1", "cross-account", p -> p.statementId("sister").action("lambda:InvokeFunction")
                .principal(sister));
        granting.permission("us-east-1", "cross-account", p -> p.statementId("outsider").action("lambda:InvokeFunction")
                .principal(OUTSIDER));
        s3 = harness.clients().s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void threeShardsMergedGiveTheFindingsOfOneUnshardedScan() {
        ScanResult unsharded = job().run(request(null), options("s3://" + BUCKET + "/unsharded", PublishMode.FULL, null),
                ScanListener.NONE, ScanDeadline.none()).result();
        String runId = "20261128T020000Z-merge";
        for (int i = 0; i < SHARDS; i++) {
            scanShard(runId, i);
        }

        CommandRun merge = merge(runId, "--wait", "0s");

        assertThat(merge.exitCode()).as(merge.out() + merge.err()).isZero();
        assertThat(merge.out()).contains("Merged 3 result(s) into run " + runId);
        ScanResult merged = read("sharded/latest/findings.json");
        assertThat(merged.runId()).isEqualTo(runId);
        assertThat(merged.accounts()).extracting(a -> a.accountId())
                .containsExactlyInAnyOrderElementsOf(unsharded.accounts().stream().map(a -> a.accountId()).toList());
        assertThat(merged.findings()).extracting(Finding::findingId)
                .containsExactlyInAnyOrderElementsOf(unsharded.findings().stream().map(Finding::findingId).toList());
        assertThat(merged.findings()).isNotEmpty();
        assertThat(keys("sharded/shards/" + runId + "/")).contains(
                "sharded/shards/" + runId + "/0-of-3/complete.json", "sharded/shards/" + runId + "/1-of-3/findings.json",
                "sharded/shards/" + runId + "/2-of-3/complete.json");
    }

    @Test
    void everyShardKnowsTheWholeOrganisationSoOnlyTheOutsiderIsForeign() {
        Shard shard = shardOf(granting.id());
        Snapshot snapshot = harness.scanner().scan(request(shard.index() + "/" + SHARDS), "20261128T020000Z-org",
                ScanDeadline.none(), ScanListener.NONE);

        assertThat(snapshot.accounts()).extracting(AccountInventory::accountId)
                .allMatch(shard::owns).contains(granting.id()).doesNotContain(sister);
        assertThat(snapshot.org().accounts()).extracting(OrgAccount::id)
                .containsExactlyInAnyOrderElementsOf(organisationAccounts());

        String runId = "20261128T020000Z-outsider";
        scanShard(runId, shard.index());
        ScanResult partial = read("sharded/shards/" + runId + "/" + shard.index() + "-of-3/findings.json");
        assertThat(partial.findings())
                .filteredOn(f -> f.ruleId().equals(ForeignAccountAccess.META.id()) && f.resourceName().equals("cross-account"))
                .singleElement().satisfies(f -> assertThat(f.related()).containsExactly(OUTSIDER));
    }

    @Test
    void aMissingShardIsNamedAndNothingIsPublished() {
        String runId = "20261128T020000Z-missing";
        scanShard(runId, 0);
        scanShard(runId, 2);

        CommandRun merge = merge(runId, "--wait", "2s", "--poll-interval", "500ms");

        assertThat(merge.exitCode()).isEqualTo(4);
        assertThat(merge.err()).contains("1 of 3 shard(s) of run " + runId + " did not complete within PT2S: 1/3",
                "nothing was published");
        assertThat(keys("sharded/runs/")).noneMatch(key -> key.contains(runId));
    }

    @Test
    void theMergeWaitsForAShardThatCompletesLate() throws Exception {
        String runId = "20261128T020000Z-late";
        scanShard(runId, 0);
        scanShard(runId, 1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            sleep(Duration.ofSeconds(2));
            scanShard(runId, 2);
        });

        CommandRun merge = merge(runId, "--wait", "60s", "--poll-interval", "500ms");

        late.get(60, TimeUnit.SECONDS);
        assertThat(merge.exitCode()).as(merge.out() + merge.err()).isZero();
        assertThat(merge.out()).contains("Merged 3 result(s) into run " + runId);
    }

    @Test
    void aShardMustShareARunIdAndWritePartially() {
        assertThatThrownBy(() -> job().run(request("0/3"), options(SHARDS_OUTPUT, PublishMode.PARTIAL, null),
                ScanListener.NONE, ScanDeadline.none()))
                .isInstanceOf(ScanException.class).hasMessageContaining("give --run-id and --partial");
        assertThatThrownBy(() -> job().run(request("0/3"), options(SHARDS_OUTPUT, PublishMode.FULL, "20261128T020000Z-full"),
                ScanListener.NONE, ScanDeadline.none()))
                .isInstanceOf(ScanException.class).hasMessageContaining("give --run-id and --partial");
    }

    private static void scanShard(String runId, int index) {
        JobOutcome outcome = job().run(request(index + "/" + SHARDS), options(SHARDS_OUTPUT, PublishMode.PARTIAL, runId),
                ScanListener.NONE, ScanDeadline.none());
        assertThat(outcome.report().delivered()).isTrue();
    }

    private static CommandRun merge(String runId, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--run-id", runId, "--shards", String.valueOf(SHARDS),
                "--output", SHARDS_OUTPUT, "--endpoint-url", MOTO.moto().endpoint().toString(), "--region", "us-east-1"));
        args.addAll(List.of(more));
        return CommandRun.of(new MergeCommand(SeededOrganization.EMULATOR_CREDENTIALS), args.toArray(String[]::new));
    }

    private static ScanRequest request(String shard) {
        return ScanRequest.builder().org().regions(REGIONS).shard(shard).build();
    }

    private static ScanJob job() {
        S3Access access = S3Access.lazy(() -> s3,
                () -> harness.clients().presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS));
        return new ScanJob(harness.scanner(), Clock.systemUTC(), new ScanResult.Tool("lambda-guardrails", "test"), access);
    }

    private static JobOptions options(String output, PublishMode mode, String runId) {
        var report = new ReportDelivery.Options(output, EnumSet.of(ReportFormat.JSON), io.lambdaguardrails.report.HtmlReport.bundled(),
                mode == PublishMode.PARTIAL ? "none" : "auto", mode, Encryption.s3Managed(), Path.of("target", "fallback"),
                Duration.ofHours(1));
        return new JobOptions(report, null, null, null, runId);
    }

    private static ScanResult read(String key) {
        return FindingsJson.read(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
    }

    private static List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream().map(S3Object::key).toList();
    }

    private static List<String> organisationAccounts() {
        try (OrganizationsClient organizations = harness.clients().client(OrganizationsClient::builder,
                Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS)) {
            return organizations.listAccountsPaginator().stream().flatMap(page -> page.accounts().stream()).map(a -> a.id()).toList();
        }
    }

    private static Shard shardOf(String accountId) {
        return new Shard((int) (Long.parseLong(accountId) % SHARDS), SHARDS);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
