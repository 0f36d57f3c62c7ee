package io.lambdaguardrails.cli;

import io.lambdaguardrails.aws.AwsSettings;
import io.lambdaguardrails.aws.ClientFactory;
import io.lambdaguardrails.demo.SampleOrganisation;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.JobOutcome;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanException;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.S3Access;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.regions.Region;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Seed a local AWS emulator (moto) with a sample organisation and scan it.",
                "Refuses any endpoint that is not on this machine: it never touches a real AWS account.",
                "src/demo/demo.sh starts moto and runs this for you."})
public class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint-url", required = true, paramLabel = "URL", description = "The emulator, e.g. http://127.0.0.1:5000.")
    URI endpoint;

    @Option(names = "--output", paramLabel = "DIR", description = "Where reports go (default: ${DEFAULT-VALUE}).", defaultValue = JobOptions.DEFAULT_OUTPUT)
    String output;

    @Mixin
    ConsoleOptions console;

    @Override
    public Integer call() {
        console.apply();
        requireLoopback(endpoint);
        var settings = new AwsSettings(endpoint, "us-east-1", 2, AwsSettings.DEFAULT_CALL_TIMEOUT, AwsSettings.DEFAULT_MAX_CONNECTIONS);
        try (ClientFactory clients = new ClientFactory(settings); SeededOrganization org = SeededOrganization.create(clients)) {
            var out = spec.commandLine().getOut();
            out.println("Seeding a sample organisation into " + endpoint + " …");
            int functions = SampleOrganisation.seed(org);
            out.printf("Seeded 4 accounts, %d functions in %s. Scanning …%n", functions, SampleOrganisation.REGIONS);
            out.flush();
            var request = ScanRequest.builder().org().regions(SampleOrganisation.REGIONS.toArray(String[]::new)).build();
            ScanJob job = ScanJob.create(clients, SeededOrganization.EMULATOR_CREDENTIALS, Region.US_EAST_1,
                    S3Access.lazy(() -> clients.s3(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS),
                            () -> clients.presigner(Region.US_EAST_1, SeededOrganization.EMULATOR_CREDENTIALS)));
            JobOutcome outcome = job.run(request, new JobOptions(output, null, null), console.progress(), ScanDeadline.none());
            console.printOutcome(out, outcome);
            return outcome.status().code();
        }
    }

    static void requireLoopback(URI endpoint) {
        if (!isLoopback(endpoint.getHost())) {
            throw new ScanException("demo only seeds an emulator on this machine (127.0.0.1 or localhost), not " + endpoint);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
