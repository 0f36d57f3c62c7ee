package io.lambdaguardrails.cli;

import io.lambdaguardrails.rules.config.ConfigLoader;
import io.lambdaguardrails.rules.config.GuardrailsConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** Which rules run and how: the configuration file and a rule selection ({@code scan}, {@code evaluate}, {@code daemon}). */
public class RuleOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Rule settings, overrides and waivers (guardrails.yaml; see README). Default: the built-in settings.")
    Path config;

    @Option(names = "--rules", split = ",", paramLabel = "PATTERN", description = "Evaluate only these rules: globs (LG-NET-*) select among enabled rules; an exact id runs a rule even if it is off by default.")
    List<String> rules = List.of();

    /** The parsed file, or the defaults; a bad file is a ConfigException naming the line, which exits 2. */
    public GuardrailsConfig load() {
        return config == null ? GuardrailsConfig.defaults() : ConfigLoader.forCatalogue().load(config);
    }

    public List<String> patterns() {
        return rules;
    }
}
