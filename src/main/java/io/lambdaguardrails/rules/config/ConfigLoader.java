package io.lambdaguardrails.rules.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lambdaguardrails.policy.Wildcard;
import io.lambdaguardrails.risk.RiskWeights;
import io.lambdaguardrails.rules.Rule;
import io.lambdaguardrails.rules.RuleCatalogue;
import io.lambdaguardrails.rules.Settings;
import io.lambdaguardrails.rules.Waiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads {@code guardrails.yaml} (version 1) strictly: unknown keys, unknown rule ids, bad severities, dates or YAML are
 * errors that name the line and show a right value, because a silently ignored typo in a security tool's
 * configuration is a control that quietly does not apply. Settings the file leaves out keep their defaults.
 */
public final class ConfigLoader {

    private static final List<String> SECTIONS = List.of("version", "settings", "rules", "waivers", "risk");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final List<Rule> catalogue;
    private final Map<String, String> canonicalIds = new TreeMap<>();
    private final ObjectMapper mapper = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    public ConfigLoader(List<Rule> catalogue) {
        this.catalogue = List.copyOf(catalogue);
        catalogue.forEach(r -> canonicalIds.put(r.meta().id().toUpperCase(Locale.ROOT), r.meta().id()));
    }

    /** A loader that knows every rule the product ships. */
    public static ConfigLoader forCatalogue() {
        return new ConfigLoader(RuleCatalogue.all());
    }

    public GuardrailsConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, 0, "the file does not exist; pass --config with the path of "
                    + "your guardrails.yaml (example: --config ./guardrails.yaml)");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, 0, "the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, file.toString());
    }

    public GuardrailsConfig parse(String yaml, String source) {
        return new Reading(yaml, source).config();
    }

    /** One reading of one file: the text, its locations and where errors point. */
    private final class Reading {
        private final String yaml;
        private final String source;
        private final YamlLocations locations;

        Reading(String yaml, String source) {
            this.yaml = yaml;
            this.source = source;
            this.locations = new YamlLocations(yaml);
        }

        GuardrailsConfig config() {
            JsonNode root;
            try {
                root = mapper.readTree(yaml);
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                throw new ConfigException(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                        "this is not valid YAML; check indentation and quoting (example: 'resourceArn: "
                                + "\"arn:aws:lambda:*\"'):\n" + caretDisplay(e.getOriginalMessage()));
            }
            if (root == null || root.isNull() || root.isMissingNode()) {
                throw new ConfigException(source, 0, 0, "the file is empty; start it with 'version: 1'");
            }
            if (!root.isObject()) {
                throw error(JsonPointer.empty(), "the file must be a mapping with the keys " + String.join(", ", SECTIONS)
                        + " (example: 'version: 1')");
            }
            root.fieldNames().forEachRemaining(key -> {
                if (!SECTIONS.contains(key)) {
                    throw error(JsonPointer.empty().appendProperty(key), "unknown top-level key '" + key
                            + "'; valid keys: " + String.join(", ", SECTIONS));
                }
            });
            JsonNode version = root.get("version");
            if (version == null) {
                throw new ConfigException(source, 1, 1, "'version' is missing; add 'version: " + GuardrailsConfig.VERSION
                        + "' as the first line");
            }
            if (!version.canConvertToExactIntegral() || version.asInt() != GuardrailsConfig.VERSION) {
                throw error(pointer("version"), "version " + version.asText() + " is not supported; this release reads "
                        + "'version: " + GuardrailsConfig.VERSION + "'");
            }
            return new GuardrailsConfig(GuardrailsConfig.VERSION, settings(root.get("settings")), rules(root.get("rules")),
                    waivers(root.get("waivers")), risk(root.get("risk")));
        }

        private Settings settings(JsonNode node) {
            JsonPointer at = pointer("settings");
            if (node == null || node.isNull()) {
                return Settings.defaults();
            }
            Settings settings = overDefaults(node, at, Settings.defaults(), Settings.class,
                    "'settings' must be a mapping (example: 'settings: {network: {requireVpc: true}}')");
            new SettingsCheck(at).run(settings);
            return settings;
        }

        private RiskWeights risk(JsonNode node) {
            JsonPointer at = pointer("risk");
            if (node == null || node.isNull()) {
                return RiskWeights.defaults();
            }
            RiskWeights weights = overDefaults(node, at, RiskWeights.defaults(), RiskWeights.class,
                    "'risk' must be a mapping (example: 'risk: {exposure: {publicAccess: 60}}')");
            checkRisk(weights, at);
            return weights;
        }

        /** The user's mapping merged over {@code defaults} and read as {@code type}. */
        private <T> T overDefaults(JsonNode node, JsonPointer at, T defaults, Class<T> type, String notAMapping) {
            if (!node.isObject()) {
                throw error(at, notAMapping);
            }
            ObjectNode merged = mapper.valueToTree(defaults);
            merge(merged, node, at);
            return convert(merged, type, at);
        }

        /** Negative weights would let a finding make a function look safer; tiers must rise. */
        private void checkRisk(RiskWeights w, JsonPointer at) {
            Map<String, Integer> weights = new LinkedHashMap<>();
            weights.put("exposure/publicAccess", w.exposure().publicAccess());
            weights.put("exposure/foreignAccount", w.exposure().foreignAccount());
            weights.put("exposure/unscopedService", w.exposure().unscopedService());
            weights.put("blastRadius/administrator", w.blastRadius().administrator());
            weights.put("blastRadius/privilegeEscalation", w.blastRadius().privilegeEscalation());
            weights.put("blastRadius/broadDataAccess", w.blastRadius().broadDataAccess());
            weights.put("secret", w.secret());
            weights.put("network/publicSubnet", w.network().publicSubnet());
            weights.put("network/openEgress", w.network().openEgress());
            weights.put("deprecatedRuntime", w.deprecatedRuntime());
            weights.put("unsignedCode", w.unsignedCode());
            weights.put("combination", w.combination());
            weights.forEach((path, value) -> {
                if (value < 0) {
                    throw error(at.append(JsonPointer.compile("/" + path)), "risk." + path.replace('/', '.')
                            + " must not be negative (example: '" + path.substring(path.lastIndexOf('/') + 1) + ": 10')");
                }
            });
            var t = w.tiers();
            if (!(t.critical() > t.high() && t.high() > t.medium() && t.medium() > 0)) {
                throw error(at.appendProperty("tiers"), "risk.tiers must satisfy critical > high > medium > 0 "
                        + "(example: 'tiers: {critical: 100, high: 60, medium: 30}')");
            }
        }

        /** User values over defaults; a nested mapping merges, anything else replaces. */
        private void merge(ObjectNode target, JsonNode update, JsonPointer at) {
            update.properties().forEach(e -> {
                JsonPointer here = at.appendProperty(e.getKey());
                JsonNode value = e.getValue();
                if (value.isNull()) {
                    throw error(here, "'" + e.getKey() + "' has no value" + Examples.forKey(e.getKey()));
                }
                JsonNode existing = target.get(e.getKey());
                if (existing != null && existing.isObject() && value.isObject()) {
                    merge((ObjectNode) existing, value, here);
                } else {
                    target.set(e.getKey(), value);
                }
            });
        }

        private Map<String, RuleOverride> rules(JsonNode node) {
            JsonPointer at = pointer("rules");
            if (node == null || node.isNull()) {
                return Map.of();
            }
            if (!node.isObject()) {
                throw error(at, "'rules' must be a mapping of rule ids (example: 'rules: {LG-OPS-001: {enabled: true}}')");
            }
            Map<String, RuleOverride> overrides = new LinkedHashMap<>();
            node.properties().forEach(e -> {
                JsonPointer here = at.appendProperty(e.getKey());
                String id = canonicalIds.get(e.getKey().strip().toUpperCase(Locale.ROOT));
                if (id == null) {
                    throw error(here, "unknown rule id '" + e.getKey() + "'; run 'rules list' to see the ids "
                            + "(example: 'LG-NET-001: {severity: HIGH}')");
                }
                if (!e.getValue().isObject()) {
                    throw error(here, "rule " + id + " needs a mapping (example: '" + id + ": {enabled: false}')");
                }
                RuleOverride override = convert(e.getValue(), RuleOverride.class, here);
                if (override.enabled() == null && override.severity() == null) {
                    throw error(here, "rule " + id + " sets neither 'enabled' nor 'severity' (example: '" + id
                            + ": {severity: LOW}')");
                }
                if (overrides.put(id, override) != null) {
                    throw error(here, "rule " + id + " appears twice; keep one entry");
                }
            });
            return overrides;
        }

        private List<Waiver> waivers(JsonNode node) {
            JsonPointer at = pointer("waivers");
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error(at, "'waivers' must be a list (example: 'waivers: [{match: {ruleId: LG-NET-001}, reason: ..., "
                        + "owner: ..., expires: 2027-03-31}]')");
            }
            List<Waiver> waivers = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                JsonPointer here = at.appendIndex(i);
                Waiver read = convert(node.get(i), Waiver.class, here);
                Waiver waiver = new Waiver(read.id() != null ? read.id() : "waiver-" + (i + 1), read.match(),
                        read.reason(), read.owner(), read.expires());
                checkWaiver(waiver, here);
                if (!ids.add(waiver.id())) {
                    throw error(here.appendProperty("id"), "waiver id '" + waiver.id() + "' is used twice; ids must be unique");
                }
                waivers.add(waiver);
            }
            return waivers;
        }

        private void checkWaiver(Waiver waiver, JsonPointer at) {
            require(waiver.reason(), "reason", at);
            require(waiver.owner(), "owner", at);
            if (waiver.expires() == null) {
                throw error(at, "the waiver has no 'expires' date; every waiver must end" + Examples.forKey("expires"));
            }
            JsonPointer match = at.appendProperty("match");
            if (waiver.match() == null || waiver.match().isEmpty()) {
                throw error(match, "the waiver matches nothing in particular; give at least one of ruleId, accountIds, "
                        + "regions, resourceArn, tags" + Examples.forKey("match"));
            }
            String ruleId = waiver.match().ruleId();
            if (ruleId != null && catalogue.stream().noneMatch(r -> Wildcard.matches(ruleId, r.meta().id(), true))) {
                throw error(match.appendProperty("ruleId"), "ruleId '" + ruleId + "' matches no rule"
                        + Examples.forKey("ruleId"));
            }
            checkAccountIds(waiver.match().accountIds(), match.appendProperty("accountIds"));
        }

        private void require(String value, String key, JsonPointer at) {
            if (value == null || value.isBlank()) {
                throw error(at.appendProperty(key), "the waiver has no '" + key + "'" + Examples.forKey(key));
            }
        }

        private void checkAccountIds(List<String> accountIds, JsonPointer at) {
            for (int i = 0; i < accountIds.size(); i++) {
                if (!ACCOUNT_ID.matcher(accountIds.get(i)).matches()) {
                    throw error(at.appendIndex(i), "'" + accountIds.get(i) + "' is not a 12-digit account id "
                            + "(example: '- \"012345678901\"')");
                }
            }
        }

        private <T> T convert(JsonNode node, Class<T> type, JsonPointer at) {
            try {
                return mapper.treeToValue(node, type);
            } catch (JsonMappingException e) {
                JsonPointer here = at;
                String key = null;
                for (JsonMappingException.Reference r : e.getPath()) {
                    if (r.getFieldName() != null) {
                        key = r.getFieldName();
                        here = here.appendProperty(key);
                    } else {
                        here = here.appendIndex(r.getIndex());
                    }
                }
                // For a misspelt key, show the example of the key that was probably meant.
                String exampleKey = e instanceof UnrecognizedPropertyException u
                        ? Examples.closest(u.getPropertyName(), knownKeys(u)).orElse(null) : key;
                throw error(here, problem(e, here, key) + Examples.forKey(exampleKey));
            } catch (JsonProcessingException e) {
                throw error(at, e.getOriginalMessage());
            }
        }

        private String problem(JsonMappingException e, JsonPointer at, String key) {
            if (e instanceof UnrecognizedPropertyException u) {
                List<String> known = knownKeys(u);
                return "unknown key '" + u.getPropertyName() + "' in " + Examples.human(at.head())
                        + (known.isEmpty() ? "" : "; valid keys: " + String.join(", ", known))
                        + Examples.closest(u.getPropertyName(), known).map(k -> "; did you mean '" + k + "'?").orElse("");
            }
            if (e instanceof InvalidFormatException f) {
                return Examples.human(at) + ": '" + f.getValue() + "' is not " + Examples.typeName(f.getTargetType());
            }
            if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
                return Examples.human(at) + " must be " + Examples.typeName(m.getTargetType());
            }
            return Examples.human(at) + " is not valid" + (key == null ? "" : " for '" + key + "'");
        }

        /**
         * The YAML parser's own report, line by line and indented, so its caret stays under the column it points at;
         * the parser's internal name for the input (" in 'reader', line 3") is replaced by the file's.
         */
        private String caretDisplay(String parserMessage) {
            return parserMessage.strip().lines().map(l -> "  " + l.replaceFirst("^( *in )'[^']*',", "$1" + source + ","))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }

        private static List<String> knownKeys(UnrecognizedPropertyException e) {
            return e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
        }

        private JsonPointer pointer(String key) {
            return JsonPointer.empty().appendProperty(key);
        }

        ConfigException error(JsonPointer at, String problem) {
            JsonLocation l = locations.find(at);
            return new ConfigException(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), problem);
        }

        /** Ranges the types alone cannot express. */
        private final class SettingsCheck {
            private final JsonPointer at;

            SettingsCheck(JsonPointer at) {
                this.at = at;
            }

            void run(Settings s) {
                check(s.network().minAzs() >= 1, "network", "minAzs", "must be at least 1");
                check(s.iam().staleDays() >= 1, "iam", "staleDays", "must be at least 1");
                check(s.iam().unusedServiceDays() >= 1, "iam", "unusedServiceDays", "must be at least 1");
                check(!s.tags().ownerKey().isBlank(), "tags", "ownerKey", "must name a tag key");
                check(s.runtime().warnDays() >= 0, "runtime", "warnDays", "must not be negative");
                check(s.ops().maxTimeoutSeconds() >= 1 && s.ops().maxTimeoutSeconds() <= 900, "ops", "maxTimeoutSeconds",
                        "must be between 1 and 900 (the Lambda maximum)");
                var memory = s.ops().memoryRange();
                check(memory.min() >= 128 && memory.min() <= memory.max() && memory.max() <= 10240, "ops", "memoryRange",
                        "must satisfy 128 <= min <= max <= 10240 (MB)");
                checkAccountIds(s.layers().trustedAccounts(), at.appendProperty("layers").appendProperty("trustedAccounts"));
                checkAccountIds(s.org().trustedAccounts(), at.appendProperty("org").appendProperty("trustedAccounts"));
                s.runtime().lifecycle().forEach((runtime, l) -> check(l.deprecation() != null, "runtime",
                        "lifecycle", "entry '" + runtime + "' needs a deprecation date"));
            }

            private void check(boolean ok, String section, String key, String problem) {
                if (!ok) {
                    throw error(at.appendProperty(section).appendProperty(key), section + "." + key + " " + problem
                            + Examples.forKey(key));
                }
            }
        }
    }
}
