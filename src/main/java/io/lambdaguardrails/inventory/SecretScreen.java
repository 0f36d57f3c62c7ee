package io.lambdaguardrails.inventory;

import io.lambdaguardrails.inventory.secrets.SecretDetector;
import io.lambdaguardrails.inventory.secrets.SecretFingerprint;
import io.lambdaguardrails.inventory.snapshot.LambdaFunction.EnvironmentVariable;
import io.lambdaguardrails.inventory.snapshot.SecretFinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The point where secret values are dropped: environment variables leave as name, length and verdict; flagged tag
 * values and descriptions leave redacted. Nothing after this class ever holds a value it flagged.
 */
public final class SecretScreen {

    public static final String REDACTED = "[REDACTED]";

    private final SecretDetector detector;
    private final SecretFingerprint fingerprint;

    public SecretScreen(SecretDetector detector, SecretFingerprint fingerprint) {
        this.detector = detector;
        this.fingerprint = fingerprint;
    }

    /** What is kept of one function's variables, tags and description. */
    public record Screened(List<EnvironmentVariable> environment, Map<String, String> tags, String description,
                           List<SecretFinding> secrets) {
    }

    public Screened screen(Map<String, String> environment, Map<String, String> tags, String description) {
        List<SecretFinding> secrets = new ArrayList<>();
        List<EnvironmentVariable> variables = new ArrayList<>();
        Map<String, String> flagged = detector.inEnvironment(environment);
        new TreeMap<>(environment).forEach((name, value) -> {
            String safeValue = value == null ? "" : value;
            String verdict = flagged.get(name);
            String fp = verdict == null ? null : fingerprint.of(safeValue);
            variables.add(new EnvironmentVariable(name, safeValue.length(), verdict, fp));
            if (verdict != null) {
                secrets.add(new SecretFinding("env:" + name, verdict, fp));
            }
        });
        Map<String, String> keptTags = new LinkedHashMap<>();
        new TreeMap<>(tags).forEach((key, value) -> keptTags.put(key, redactIfSecret("tag:" + key, value, secrets)));
        String keptDescription = redactIfSecret("description", description == null ? "" : description, secrets);
        return new Screened(variables, keptTags, keptDescription, secrets);
    }

    private String redactIfSecret(String location, String value, List<SecretFinding> secrets) {
        var verdict = detector.inFreeText(value);
        if (verdict.isEmpty()) {
            return value;
        }
        secrets.add(new SecretFinding(location, verdict.get(), fingerprint.of(value)));
        return REDACTED;
    }
}
