package io.lambdaguardrails.rules.runtime;

import io.lambdaguardrails.rules.Details;

/** How a finding names one secret: where it sits, the detector that matched and its keyed fingerprint, never its value. */
final class SecretLabel {

    private SecretLabel() {
    }

    /** {@code where} (a variable or tag name) comes from the account, so it is made safe like every other name. */
    static String of(String where, String detector, String fingerprint) {
        return Details.safe(where) + " (" + detector + ", fingerprint " + fingerprint + ")";
    }
}
