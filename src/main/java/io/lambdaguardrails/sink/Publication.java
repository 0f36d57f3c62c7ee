package io.lambdaguardrails.sink;

import java.nio.file.Path;
import java.util.List;

/**
 * What a publish did. {@code location} is where the run's reports are for people to find: the run folder at the
 * output, or the local fallback folder. {@code written} lists the objects written where asked, in order. When that
 * failed, {@code failure} says why and {@code fallbackFolder} holds every report instead.
 */
public record Publication(String runFolder, String location, List<String> written, Latest latest,
                          String failure, Path fallbackFolder) {

    /** What became of {@code latest/}. */
    public enum Latest {
        /** It now holds this run. */
        REPLACED,
        /** Not asked to (a partial result) or not reached (a failure): it holds what it held. */
        UNTOUCHED,
        /** Another run replaced it while this one was publishing; it holds that run. */
        TAKEN_BY_ANOTHER_RUN
    }

    public Publication {
        written = List.copyOf(written);
    }

    /** True when every report reached the asked location. */
    public boolean delivered() {
        return failure == null;
    }

    public boolean latestReplaced() {
        return latest == Latest.REPLACED;
    }
}
