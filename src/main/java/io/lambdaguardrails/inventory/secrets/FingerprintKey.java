package io.lambdaguardrails.inventory.secrets;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The per-installation key of secret fingerprints: {@code LG_FINGERPRINT_KEY} if set (use it where the file system is
 * ephemeral: Lambda, containers), else a random key kept in {@code ~/.config/lambda-guardrails/fingerprint.key}.
 * Without either, a key for this run only: fingerprints then cannot be compared across runs.
 */
public final class FingerprintKey {

    private static final Logger LOG = Logger.getLogger(FingerprintKey.class);
    public static final String ENVIRONMENT_VARIABLE = "LG_FINGERPRINT_KEY";

    private FingerprintKey() {
    }

    public static byte[] load() {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(System.getProperty("user.home"), ".config", "lambda-guardrails", "fingerprint.key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
            byte[] key = random();
            Files.createDirectories(file.getParent());
            Files.write(file, key);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("cannot keep a fingerprint key in %s; set %s so fingerprints stay comparable across runs",
                    file, ENVIRONMENT_VARIABLE);
            return random();
        }
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
