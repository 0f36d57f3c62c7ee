package io.lambdaguardrails.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Run ids: the UTC start time as {@code yyyyMMdd'T'HHmmss'Z'} plus a short random suffix, so they sort by time. */
public final class RunId {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunId() {
    }

    public static String generate(Instant startedAt, RandomGenerator random) {
        byte[] suffix = new byte[3];
        for (int i = 0; i < suffix.length; i++) {
            suffix[i] = (byte) random.nextInt(256);
        }
        return STAMP.format(startedAt) + "-" + HexFormat.of().formatHex(suffix);
    }
}
