package io.lambdaguardrails.rules.config;

import io.lambdaguardrails.findings.Severity;
import io.lambdaguardrails.rules.RuntimeLifecycle;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.Waiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ConfigLoaderTest {

    private final ConfigLoader loader = ConfigLoader.forCatalogue();

    @Test
    void readsAFullFileAndKeepsDefaultsForWhatItLeavesOut() {
        GuardrailsConfig config = loader.parse("""
                version: 1
                settings:
                  network:
                    requireVpc: true
                  runtime:
                    warnDays: 90
                    lifecycle:
                      python3.12: {deprecation: 2028-10-31, blockUpdate: 2029-01-10}
                  ops:
                    memoryRange: {min: 256, max: 3008}
                  layers:
                    trustedAccounts: ["012345678901"]
                rules:
                  lg-ops-001: {enabled: true}
                  LG-NET-001: {severity: high}
                waivers:
                  - match:
                      ruleId: "LG-NET-*"
                      accountIds: ["111122223333"]
                      tags: {team: payments}
                    reason: Legacy VPC, migrated in Q2
                    owner: payments@example.com
                    expires: 2027-03-31
                  - id: vendor
                    match: {resourceArn: "arn:aws:lambda:*:*:function:vendor-*"}
                    reason: Vendor code
                    owner: platform
                    expires: 2027-01-01
                """, "guardrails.yaml");

        Settings d = Settings.defaults();
        assertThat(config.settings().network()).isEqualTo(new Settings.NetworkSettings(true, 2, false));
        assertThat(config.settings().iam()).isEqualTo(d.iam());
        assertThat(config.settings().runtime().warnDays()).isEqualTo(90);
        assertThat(config.settings().runtime().lifecycle()).containsExactly(Map.entry("python3.12",
                new RuntimeLifecycle(LocalDate.of(2028, 10, 31), null, LocalDate.of(2029, 1, 10))));
        assertThat(config.settings().ops()).isEqualTo(new Settings.OpsSettings(900, new Settings.MemoryRange(256, 3008)));
        assertThat(config.settings().layers().trustedAccounts()).containsExactly("012345678901");
        assertThat(config.rules()).containsOnly(
                Map.entry("LG-OPS-001", new RuleOverride(true, null)),
                Map.entry("LG-NET-001", new RuleOverride(null, Severity.HIGH)));
        assertThat(config.waivers()).containsExactly(
                new Waiver("waiver-1", new Waiver.Match("LG-NET-*", List.of("111122223333"), null, null,
                        Map.of("team", "payments")), "Legacy VPC, migrated in Q2", "payments@example.com",
                        LocalDate.of(2027, 3, 31)),
                new Waiver("vendor", new Waiver.Match(null, null, null, "arn:aws:lambda:*:*:function:vendor-*", null),
                        "Vendor code", "platform", LocalDate.of(2027, 1, 1)));
    }

    @Test
    void keepsTheDigitsOfAnUnquotedAccountId() {
        GuardrailsConfig config = loader.parse("""
                version: 1
                settings:
                  org:
                    trustedAccounts: [012345678901, 111122223333]
                """, "guardrails.yaml");
        assertThat(config.settings().org().trustedAccounts()).containsExactly("012345678901", "111122223333");
    }

    @Test
    void aFileWithOnlyAVersionIsTheDefaults() {
        assertThat(loader.parse("version: 1\n", "guardrails.yaml")).isEqualTo(GuardrailsConfig.defaults());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("unknown top-level key", """
                        version: 1
                        setting:
                          network: {requireVpc: true}
                        """, 2, List.of("unknown top-level key 'setting'", "valid keys: version, settings, rules, waivers")),
                arguments("misspelt settings key", """
                        version: 1
                        settings:
                          network:
                            minAzs: 3
                            requireVPC: true
                        """, 5, List.of("unknown key 'requireVPC' in settings.network",
                        "valid keys: centralEndpoints, minAzs, requireVpc", "did you mean 'requireVpc'?",
                        "example: 'requireVpc: true'")),
                arguments("unknown settings section", """
                        version: 1
                        settings:
                          netwrk: {minAzs: 3}
                        """, 3, List.of("unknown key 'netwrk' in settings", "did you mean 'network'?")),
                arguments("unknown rule id", """
                        version: 1
                        rules:
                          LG-NET-001: {enabled: false}
                          LG-NET-099: {enabled: false}
                        """, 4, List.of("unknown rule id 'LG-NET-099'", "rules list", "example: 'LG-NET-001: {severity: HIGH}'")),
                arguments("bad severity", """
                        version: 1
                        rules:
                          LG-NET-001:
                            severity: urgent
                        """, 4, List.of("rules.LG-NET-001.severity: 'urgent' is not a severity (one of INFO, LOW, MEDIUM, HIGH, CRITICAL)",
                        "example: 'severity: HIGH'")),
                arguments("misspelt rule override key", """
                        version: 1
                        rules:
                          LG-OPS-001: {enable: true}
                        """, 3, List.of("unknown key 'enable' in rules.LG-OPS-001", "did you mean 'enabled'?",
                        "example: 'enabled: false'")),
                arguments("empty rule override", """
                        version: 1
                        rules:
                          LG-OPS-001: {}
                        """, 3, List.of("sets neither 'enabled' nor 'severity'")),
                arguments("bad waiver date", """
                        version: 1
                        waivers:
                          - match: {ruleId: LG-NET-001}
                            reason: legacy
                            owner: me
                            expires: next year
                        """, 6, List.of("waivers[0].expires: 'next year' is not a date written YYYY-MM-DD",
                        "example: 'expires: 2027-03-31'")),
                arguments("impossible waiver date", """
                        version: 1
                        waivers:
                          - match: {ruleId: LG-NET-001}
                            reason: legacy
                            owner: me
                            expires: 2027-02-30
                        """, 6, List.of("is not a date written YYYY-MM-DD")),
                arguments("waiver without reason", """
                        version: 1
                        waivers:
                          - match: {ruleId: LG-NET-001}
                            owner: me
                            expires: 2027-01-01
                        """, 3, List.of("the waiver has no 'reason'", "example: 'reason:")),
                arguments("waiver without expiry", """
                        version: 1
                        waivers:
                          - match: {ruleId: LG-NET-001}
                            reason: legacy
                            owner: me
                        """, 3, List.of("has no 'expires' date")),
                arguments("waiver matching everything", """
                        version: 1
                        waivers:
                          - reason: legacy
                            owner: me
                            expires: 2027-01-01
                            match: {}
                        """, 6, List.of("matches nothing in particular")),
                arguments("waiver for no rule", """
                        version: 1
                        waivers:
                          - match:
                              ruleId: LG-NTE-*
                            reason: legacy
                            owner: me
                            expires: 2027-01-01
                        """, 4, List.of("ruleId 'LG-NTE-*' matches no rule")),
                arguments("account id that is not one", """
                        version: 1
                        waivers:
                          - match:
                              accountIds: ["111122223333", "12345"]
                            reason: legacy
                            owner: me
                            expires: 2027-01-01
                        """, 4, List.of("'12345' is not a 12-digit account id")),
                arguments("number that is a word", """
                        version: 1
                        settings:
                          network:
                            minAzs: two
                        """, 4, List.of("settings.network.minAzs: 'two' is not a whole number", "example: 'minAzs: 2'")),
                arguments("number out of range", """
                        version: 1
                        settings:
                          network:
                            minAzs: 0
                        """, 4, List.of("network.minAzs must be at least 1")),
                arguments("memory range upside down", """
                        version: 1
                        settings:
                          ops:
                            memoryRange: {min: 3008, max: 256}
                        """, 4, List.of("ops.memoryRange must satisfy 128 <= min <= max <= 10240")),
                arguments("setting without a value", """
                        version: 1
                        settings:
                          org:
                            trustedAccounts:
                        """, 4, List.of("'trustedAccounts' has no value")),
                arguments("list where a mapping belongs", """
                        version: 1
                        settings:
                          tags: [owner]
                        """, 3, List.of("settings.tags must be a mapping")),
                arguments("missing version", """
                        settings: {}
                        """, 1, List.of("'version' is missing", "version: 1")),
                arguments("future version", """
                        version: 2
                        """, 1, List.of("version 2 is not supported", "'version: 1'")),
                arguments("broken YAML", """
                        version: 1
                        rules:
                          LG-NET-001: {enabled: false
                        """, 3, List.of("this is not valid YAML", "expected ',' or '}'")),
                arguments("duplicate key", """
                        version: 1
                        rules:
                          LG-NET-001: {enabled: false}
                          LG-NET-001: {enabled: true}
                        """, 4, List.of("this is not valid YAML", "LG-NET-001")),
                arguments("same rule in two spellings", """
                        version: 1
                        rules:
                          LG-NET-001: {enabled: false}
                          lg-net-001: {enabled: true}
                        """, 4, List.of("rule LG-NET-001 appears twice")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void rejectsBadFilesNamingTheLineAndAFix(String name, String yaml, int line, List<String> fragments) {
        assertThatThrownBy(() -> loader.parse(yaml, "guardrails.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.source()).isEqualTo("guardrails.yaml");
                    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("guardrails.yaml, line " + line + ", column ");
                    fragments.forEach(f -> assertThat(e.getMessage()).contains(f));
                });
    }

    @Test
    void keepsTheYamlParsersCaretDisplayOnItsOwnLines() {
        assertThatThrownBy(() -> loader.parse("version: 1\nrules:\n  LG-NET-001: {enabled: false\n", "guardrails.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    List<String> lines = e.getMessage().lines().toList();
                    int caret = lines.indexOf(lines.stream().filter(l -> l.strip().equals("^")).findFirst().orElseThrow());
                    assertThat(lines.get(caret - 1)).as("the quoted line sits above its caret").contains("LG-NET-001");
                    assertThat(lines).anyMatch(l -> l.contains("in guardrails.yaml, line"));
                });
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("guardrails.yaml"), "version: 1\nsettings: {network: {minAzs: 3}}\n");
        assertThat(loader.load(file).settings().network().minAzs()).isEqualTo(3);
    }

    @Test
    void namesAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(missing + ": the file does not exist")
                .hasMessageContaining("--config");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> loader.parse("", "guardrails.yaml")).hasMessageContaining("start it with 'version: 1'");
    }
}
