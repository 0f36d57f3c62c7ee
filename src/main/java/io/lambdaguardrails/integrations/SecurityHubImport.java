package io.lambdaguardrails.integrations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambdaguardrails.report.AsffFindings;
import io.lambdaguardrails.report.ScanResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Imports a run's findings into Security Hub of the scanning account with {@code BatchImportFindings}: the same ASFF
 * objects as {@code findings.asff.json}, targeted at the given region, {@value #BATCH} per call (the API's limit).
 * Every finding's {@code AwsAccountId} is the scanning account (the run's principal), since a default product accepts
 * only the importing account's findings; the member account is in its resources and product fields. Findings
 * resolved since the baseline are imported ARCHIVED, so Security Hub's view matches the report. Findings Security Hub
 * did not process are retried ({@value #ATTEMPTS} attempts in all); what still fails is reported, never thrown.
 */
public final class SecurityHubImport {

    static final int BATCH = 100;
    static final int ATTEMPTS = 3;
    private static final int SHOWN = 3;
    /** ASFF field names are the API's, in PascalCase; the SDK's builders take them as bean properties. */
    private static final ObjectReader ASFF_READER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build().readerFor(AwsSecurityFinding.serializableBuilderClass());

    private final SecurityHubClient client;
    private final Duration retryPause;

    public SecurityHubImport(SecurityHubClient client, Duration retryPause) {
        this.client = client;
        this.retryPause = retryPause;
    }

    /** How an import went: how many findings were imported, and why the others were not. */
    public record Result(String region, int imported, int total, List<String> failures) {
        public boolean complete() {
            return failures.isEmpty();
        }

        /** One line: the counts and the first few failures. */
        public String describe() {
            String shown = failures.stream().limit(SHOWN).collect(Collectors.joining("; "));
            return "Security Hub (" + region + "): " + imported + " of " + total + " finding(s) imported"
                    + (failures.isEmpty() ? "" : "; not imported: " + shown
                    + (failures.size() > SHOWN ? "; and " + (failures.size() - SHOWN) + " more" : ""));
        }
    }

    public Result importFindings(ScanResult result, String region) {
        List<AwsSecurityFinding> findings = AsffFindings.findings(result, AsffFindings.Product.of(result, region))
                .map(SecurityHubImport::toSdk).toList();
        int imported = 0;
        List<String> failures = new ArrayList<>();
        for (int start = 0; start < findings.size(); start += BATCH) {
            Batch batch = importBatch(findings.subList(start, Math.min(start + BATCH, findings.size())));
            imported += batch.imported();
            failures.addAll(batch.failures());
        }
        return new Result(region, imported, findings.size(), failures);
    }

    private record Batch(int imported, List<String> failures) {
    }

    private Batch importBatch(List<AwsSecurityFinding> batch) {
        Map<String, AwsSecurityFinding> pending = new LinkedHashMap<>();
        batch.forEach(f -> pending.put(f.id(), f));
        Map<String, String> lastError = new LinkedHashMap<>();
        int imported = 0;
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            BatchImportFindingsResponse response;
            try {
                response = client.batchImportFindings(b -> b.findings(pending.values()));
            } catch (SdkException e) {
                pending.keySet().forEach(id -> lastError.put(id, describe(e)));
                continue;
            }
            imported += response.successCount() == null ? 0 : response.successCount();
            Map<String, AwsSecurityFinding> failed = new LinkedHashMap<>();
            for (ImportFindingsError error : response.failedFindings()) {
                AwsSecurityFinding finding = pending.get(error.id());
                if (finding != null) {
                    failed.put(error.id(), finding);
                    lastError.put(error.id(), error.errorCode() + " " + error.errorMessage());
                }
            }
            pending.clear();
            pending.putAll(failed);
        }
        List<String> failures = pending.keySet().stream().map(id -> id + " (" + lastError.get(id) + ")").toList();
        return new Batch(imported, failures);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryPause.multipliedBy(attempt - 1L).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(SdkException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() <= 200 ? message : message.substring(0, 200) + "…";
    }

    static AwsSecurityFinding toSdk(ObjectNode asff) {
        try {
            return ((AwsSecurityFinding.Builder) ASFF_READER.readValue(asff)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build an AwsSecurityFinding from the ASFF object", e);
        }
    }
}
