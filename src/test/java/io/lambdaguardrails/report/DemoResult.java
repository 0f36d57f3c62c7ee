package io.lambdaguardrails.report;

import io.lambdaguardrails.demo.SampleOrganisation;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.job.JobOptions;
import io.lambdaguardrails.job.ScanJob;
import io.lambdaguardrails.scan.ScanDeadline;
import io.lambdaguardrails.scan.ScanListener;
import io.lambdaguardrails.scan.ScanRequest;
import io.lambdaguardrails.sink.S3Access;
import io.lambdaguardrails.testbed.MotoServer;
import io.lambdaguardrails.testbed.ScanHarness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/** The demo's result: the sample organisation seeded on moto and scanned as {@code demo} does, once per test run. */
final class DemoResult {

    private static ScanResult result;

    private DemoResult() {
    }

    static synchronized ScanResult get() {
        if (result == null) {
            MotoServer moto = MotoServer.shared();
            moto.reset();
            try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
                SampleOrganisation.seed(org);
                var job = new ScanJob(harness.scanner(), Clock.systemUTC(), new ScanResult.Tool("lambda-guardrails", "test"),
                        S3Access.unavailable("the demo writes to a local folder"));
                var request = ScanRequest.builder().org().regions(SampleOrganisation.REGIONS.toArray(String[]::new)).build();
                var output = Files.createTempDirectory("demo-report");
                result = job.run(request, new JobOptions(output.toString(), null, null), ScanListener.NONE,
                        ScanDeadline.none()).result();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }
}
