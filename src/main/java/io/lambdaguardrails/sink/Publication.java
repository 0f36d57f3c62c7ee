package io.lambdaguardrails.sink;

import java.nio.file.Path;
import java.util.List;

/**
 * What a publish did. {@code written} lists the locations written where asked, in order. When that failed,
 * {@code failure} says why and {@code fallbackFolder} holds every report instead.
 */
public record Publication(String runFolder, List<String> written, boolean latestReplaced, String failure,
                          Path fallbackFolder) {

    public Publication {
        written = List.copyOf(written);
    }

    /** True when every report reached the asked location. */
    public boolean delivered() {
        return failure == null;
    }
}
