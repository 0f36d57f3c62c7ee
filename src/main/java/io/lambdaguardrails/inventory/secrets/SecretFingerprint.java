package io.lambdaguardrails.inventory.secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A short keyed fingerprint of a secret value: the same secret found in two functions gets the same fingerprint, so
 * reports can say "reused" and track rotation, while nobody without the installation's key can test guesses against
 * it (a plain hash of a short password could be brute-forced from the report).
 */
public final class SecretFingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;
    /** 16 hex characters (64 bits): enough to tell secrets apart across an organisation. */
    private static final int HEX_LENGTH = 16;

    private final SecretKeySpec key;

    public SecretFingerprint(byte[] installationKey) {
        if (installationKey == null || installationKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the fingerprint key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(installationKey.clone(), ALGORITHM);
    }

    public String of(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SecretFingerprint[HmacSHA256, key hidden]";
    }
}
