package io.lambdaguardrails.rules.runtime;

/** How a finding names one secret: where it sits, the detector that matched and its keyed fingerprint, never its value. */
final class SecretLabel {

    private SecretLabel() {
    }

    static String of(String where, String detector, String fingerprint) {
        return where + " (" + detector + ", fingerprint " + fingerprint + ")";
    }
}
