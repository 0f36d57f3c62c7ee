package io.lambdaguardrails.testbed;

import io.lambdaguardrails.demo.SampleOrganisation;
import io.lambdaguardrails.demo.SeededOrganization;
import io.lambdaguardrails.findings.Finding;
import io.lambdaguardrails.inventory.snapshot.Snapshot;
import io.lambdaguardrails.report.Drift;
import io.lambdaguardrails.report.ScanResult;
import io.lambdaguardrails.report.ScanResults;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.config.GuardrailsConfig;
import io.lambdaguardrails.scan.ScanRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's sample organisation seeded on moto, scanned and evaluated with the default rules as a first run: the
 * findings of a realistic organisation, for the end-to-end rules test and for the report's layout in a browser.
 */
public record SampleOrganisationRun(Snapshot snapshot, List<Finding> findings, ScanResult result) {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    public static SampleOrganisationRun scan(MotoServer moto) {
        try (ScanHarness harness = new ScanHarness(moto.endpoint()); SeededOrganization org = harness.createOrganization()) {
            SampleOrganisation.seed(org);
            var request = ScanRequest.builder().org().regions(SampleOrganisation.REGIONS.toArray(String[]::new)).build();
            Snapshot snapshot = harness.scan(request);
            var config = GuardrailsConfig.defaults();
            var engine = config.engine(RuleCatalogue.all(), List.of());
            var evaluation = engine.evaluateAll(snapshot, TODAY);
            ScanResult result = Drift.firstRun(ScanResults.of(snapshot, request, Instant.parse("2026-11-28T02:00:00Z"),
                    Instant.parse("2026-11-28T02:03:00Z"), new ScanResult.Tool("lambda-guardrails", "test"), evaluation,
                    engine.rules().stream().map(Rule::meta).toList(), config.risk()));
            return new SampleOrganisationRun(snapshot, evaluation.findings(), result);
        }
    }
}
