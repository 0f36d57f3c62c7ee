package io.lambdaguardrails.sink;

import java.nio.file.Path;
import java.util.List;

/**
 * What a publish did. {@code location} is where the run's reports are for people to find: the run folder at the
 * output, or the local fallback folder. {@code written} lists the objects written where asked, in order. When that
 * failed, {@code failure} says why and {@code fallbackFolder} holds every report instead.
 */
public record Publication(String runFolder, String location, List<String> written, boolean latestReplaced,
                          String failure, Path fallbackFolder) {

    public Publication {
        written = List.copyOf(written);
    }

    /** True when every report reached the asked location. */
    public boolean delivered() {
        return failure == null;
    }
}
