package io.lambdaguardrails.sink;

import com.fasterxml.jackson.core.JacksonException;
import io.lambdaguardrails.report.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code latest/manifest.json}: which run {@code latest/} holds. It is written after the copies in {@code latest/}
 * and only by a run whose folder is complete, so the run it names is always a complete, delivered one; the baseline is
 * read from that run's own folder, which nothing ever overwrites. The copies in {@code latest/} are for people and
 * links.
 */
public record LatestManifest(String runId, String runFolder, List<Report> reports) {

    public static final String KEY = ReportKeys.LATEST + "/manifest.json";
    /** A report's name below the run folder: plain segments, never a parent folder. */
    private static final Pattern FILE = Pattern.compile("(?!\\.{1,2}(/|$))[A-Za-z0-9._-]+(/(?!\\.{1,2}(/|$))[A-Za-z0-9._-]+)*");

    /** One report of the run: its file name in the run folder and in {@code latest/}, and its content type. */
    public record Report(String file, String contentType) {
    }

    public LatestManifest {
        reports = List.copyOf(reports);
        if (runFolder == null || !runFolder.startsWith("runs/") || runFolder.contains("..")) {
            throw new IllegalArgumentException("the manifest names no run folder");
        }
        if (reports.stream().anyMatch(r -> r.file() == null || !FILE.matcher(r.file()).matches())) {
            throw new IllegalArgumentException("the manifest names a report outside the run folder");
        }
    }

    /** The key of a report in the run folder, when the run has it. */
    public Optional<String> inRunFolder(String file) {
        return reports.stream().filter(r -> r.file().equals(file)).findFirst().map(r -> runFolder + "/" + r.file());
    }

    byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a manifest */
    static LatestManifest read(byte[] json) {
        try {
            return Json.mapper().readValue(json, LatestManifest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("latest/manifest.json is not a manifest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
