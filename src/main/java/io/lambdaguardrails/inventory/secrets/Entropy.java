package io.lambdaguardrails.inventory.secrets;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy of a string's characters, in bits per character. */
final class Entropy {

    private Entropy() {
    }

    static double shannon(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        s.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = s.codePointCount(0, s.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
