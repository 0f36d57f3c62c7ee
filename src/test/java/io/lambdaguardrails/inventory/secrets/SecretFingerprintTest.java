package io.lambdaguardrails.inventory.secrets;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretFingerprintTest {

    private static final byte[] KEY = "installation-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another-installation-key-xyz".getBytes(StandardCharsets.UTF_8);

    @Test
    void isStableForOneKeyAndValue() {
        assertThat(new SecretFingerprint(KEY).of("s3cr3t-value")).isEqualTo(new SecretFingerprint(KEY).of("s3cr3t-value"));
    }

    @Test
    void isTruncatedHexOfTheHmac() {
        // HMAC-SHA256("key-of-sixteen-b", "value"), first 16 hex digits, computed independently with openssl.
        var fingerprint = new SecretFingerprint("key-of-sixteen-b".getBytes(StandardCharsets.UTF_8));
        assertThat(fingerprint.of("value")).matches("[0-9a-f]{16}").isEqualTo(EXPECTED_HMAC_PREFIX);
    }

    private static final String EXPECTED_HMAC_PREFIX = "ef00d46ef012c192";

    @Test
    void differsBetweenValuesAndBetweenInstallations() {
        var fingerprint = new SecretFingerprint(KEY);
        assertThat(fingerprint.of("value-a")).isNotEqualTo(fingerprint.of("value-b"));
        assertThat(fingerprint.of("value-a")).isNotEqualTo(new SecretFingerprint(OTHER_KEY).of("value-a"));
    }

    @Test
    void neverShowsItsKey() {
        assertThat(new SecretFingerprint(KEY).toString()).doesNotContain("installation-key");
    }

    @Test
    void rejectsAShortKeyWithoutEchoingIt() {
        assertThatThrownBy(() -> new SecretFingerprint("tiny".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("tiny")
                .hasMessageContaining("16 bytes");
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] key = KEY.clone();
        var fingerprint = new SecretFingerprint(key);
        String before = fingerprint.of("value");
        key[0] = 'X';
        assertThat(fingerprint.of("value")).isEqualTo(before);
    }
}
