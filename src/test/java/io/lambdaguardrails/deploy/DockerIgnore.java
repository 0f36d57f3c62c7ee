package io.lambdaguardrails.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The build-context filter of a {@code .dockerignore}, with Docker's rules: patterns are globs relative to the context
 * root, a pattern also excludes everything under a directory it matches, {@code !} re-includes, the last match wins.
 */
record DockerIgnore(List<Rule> rules) {

    record Rule(PathMatcher matcher, boolean exclude) {
    }

    static DockerIgnore read(Path file) {
        try {
            return new DockerIgnore(Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(DockerIgnore::rule)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean excludes(String path) {
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItOrAParent(rule.matcher(), Path.of(path))) {
                excluded = rule.exclude();
            }
        }
        return excluded;
    }

    private static boolean matchesItOrAParent(PathMatcher matcher, Path path) {
        for (Path candidate = path; candidate != null; candidate = candidate.getParent()) {
            if (matcher.matches(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Rule rule(String line) {
        boolean exclude = !line.startsWith("!");
        String pattern = (exclude ? line : line.substring(1)).replaceAll("^/+|/+$", "");
        return new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), exclude);
    }
}
