package io.lambdaguardrails.testbed;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.inventory.CollectionPlan;
import io.lambdaguardrails.inventory.SecretScreen;
import io.lambdaguardrails.inventory.secrets.SecretDetector;
import io.lambdaguardrails.inventory.secrets.SecretFingerprint;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.scan.RunId;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.scan.Scanner;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Seeds an AWS API endpoint and scans it with the production scanner, as the emulator's management account. */
public final class ScanHarness implements AutoCloseable {

    public static final byte[] FINGERPRINT_KEY = "test-installation-key".getBytes(StandardCharsets.UTF_8);

    private final ClientFactory clients;

    public ScanHarness(URI endpoint) {
        this(endpoint, 2);
    }

    /** Few attempts: an emulator answers unimplemented operations with 500, which would otherwise be retried. */
    public ScanHarness(URI endpoint, int maxAttempts) {
        this.clients = new ClientFactory(new AwsSettings(endpoint, "us-east-1", maxAttempts, AwsSettings.DEFAULT_CALL_TIMEOUT, 64));
    }

    public ClientFactory clients() {
        return clients;
    }

    public SeededOrganization createOrganization() {
        return SeededOrganization.create(clients);
    }

    public Scanner scanner() {
        return new Scanner(clients, SeededOrganization.EMULATOR_CREDENTIALS, Region.US_EAST_1,
                new SecretScreen(new SecretDetector(), new SecretFingerprint(FINGERPRINT_KEY)), Clock.systemUTC());
    }

    /** Collects what the rules enabled by default need, as the CLI does. */
    public Snapshot scan(ScanRequest request) {
        List<Enum<?>> read = RuleCatalogue.all().stream().filter(r -> r.meta().enabledByDefault())
                .flatMap(r -> r.reads().stream()).toList();
        return scanner().scan(request, RunId.at(Instant.now()), ScanDeadline.none(), ScanListener.NONE,
                CollectionPlan.reading(read));
    }

    @Override
    public void close() {
        clients.close();
    }

}
