package io.lambdaguardrails.scan;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids sort by start time and stay unique when two runs start in the same second: {@code 20261128T020000Z-3fa9c1}. */
public final class RunId {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunId() {
    }

    public static String at(Instant start) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return STAMP.format(start) + "-" + HexFormat.of().formatHex(suffix);
    }

    /**
     * The id of the run a scheduler started for {@code scheduledTime}: the same in every invocation the schedule makes
     * for that time (its retries, and every shard's schedule when the shards share a cron expression).
     */
    public static String scheduled(Instant scheduledTime) {
        return STAMP.format(scheduledTime) + "-scheduled";
    }

    public static boolean valid(String runId) {
        return runId.matches("\\d{8}T\\d{6}Z-[0-9a-z]{1,32}");
    }
}
