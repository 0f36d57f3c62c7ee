package io.lambdaguardrails.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code history.json} at the output root: one {@link RunEntry} per run, oldest first, for the last {@value #KEEP}
 * runs; older runs are folded into one {@link MonthSummary} per month, so the file stays small however long the
 * scanner runs. {@code accountNames} names the accounts the entries count.
 */
public record RunHistory(int schemaVersion, List<RunEntry> runs, List<MonthSummary> months,
                         Map<String, String> accountNames) {

    public static final int SCHEMA_VERSION = 1;
    /** Runs kept one by one; older ones are summarised per month. */
    public static final int KEEP = 400;
    public static final String FILE = "history.json";

    private static final Comparator<RunEntry> BY_START = Comparator.comparing(RunEntry::startedAt)
            .thenComparing(RunEntry::runId);

    public RunHistory {
        runs = List.copyOf(runs);
        months = List.copyOf(months);
        accountNames = Map.copyOf(accountNames);
    }

    public static RunHistory empty() {
        return new RunHistory(SCHEMA_VERSION, List.of(), List.of(), Map.of());
    }

    /** A history made from scratch out of runs in any order (a rebuild from the run folders). */
    public static RunHistory of(List<RunEntry> runs, Map<String, String> accountNames) {
        RunHistory history = empty();
        for (RunEntry run : runs.stream().sorted(BY_START).toList()) {
            history = history.with(run, accountNames);
        }
        return history;
    }

    /**
     * This history with {@code run} in its place (replacing an entry of the same run id), the oldest runs beyond
     * {@value #KEEP} folded into their months, and the names of the accounts the kept runs count.
     */
    public RunHistory with(RunEntry run, Map<String, String> names) {
        List<RunEntry> kept = new ArrayList<>(runs.stream().filter(r -> !r.runId().equals(run.runId())).toList());
        kept.add(run);
        kept.sort(BY_START);
        Map<String, MonthSummary> byMonth = new TreeMap<>();
        months.forEach(m -> byMonth.put(m.month(), m));
        while (kept.size() > KEEP) {
            RunEntry oldest = kept.removeFirst();
            byMonth.merge(MonthSummary.monthOf(oldest), MonthSummary.of(oldest), (had, one) -> had.plus(oldest));
        }
        Set<String> counted = new HashSet<>();
        kept.forEach(r -> counted.addAll(r.highCriticalByAccount().keySet()));
        Map<String, String> keptNames = new TreeMap<>();
        accountNames.forEach((id, name) -> {
            if (counted.contains(id)) {
                keptNames.put(id, name);
            }
        });
        names.forEach((id, name) -> {
            if (counted.contains(id) && name != null) {
                keptNames.put(id, name);
            }
        });
        return new RunHistory(SCHEMA_VERSION, kept, List.copyOf(byMonth.values()), keptNames);
    }

    /** The names of a run's accounts, for {@link #with}. */
    public static Map<String, String> accountNames(ScanResult result) {
        Map<String, String> names = new TreeMap<>();
        result.accounts().forEach(a -> {
            if (a.accountName() != null) {
                names.put(a.accountId(), a.accountName());
            }
        });
        return names;
    }

    /** The last {@code count} runs, oldest first. */
    public List<RunEntry> last(int count) {
        return runs.subList(Math.max(0, runs.size() - count), runs.size());
    }

    public byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a {@code history.json}; fields added later within the schema version are ignored.
     *
     * @throws IllegalArgumentException when the bytes are not a history this version can read
     */
    public static RunHistory read(byte[] json) {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            if (tree == null || !tree.isObject() || !tree.path("schemaVersion").canConvertToInt()) {
                throw new IllegalArgumentException("history.json is not a run history");
            }
            int version = tree.get("schemaVersion").asInt();
            if (version < 1 || version > SCHEMA_VERSION) {
                throw new IllegalArgumentException("history.json has schemaVersion " + version
                        + ", this version reads 1 to " + SCHEMA_VERSION);
            }
            return Json.mapper().readerFor(RunHistory.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("history.json is not a run history: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
