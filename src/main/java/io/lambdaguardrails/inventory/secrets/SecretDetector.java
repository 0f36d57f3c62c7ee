package io.lambdaguardrails.inventory.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides whether a value looks like a secret, without I/O and without ever echoing the value. Returns the id of the
 * detector that matched ({@code github-token}, {@code high-entropy}, …).
 * <ul>
 *   <li>{@link #inEnvironmentVariable}: value formats, plus name-aware checks — a 40-character AWS secret key or a
 *   random-looking value under a secret-like name ({@code DB_PASSWORD}, {@code apiKey}, …).</li>
 *   <li>{@link #inFreeText}: tag values, descriptions and names — value formats only, since a tag key saying
 *   {@code token} proves nothing.</li>
 * </ul>
 * References to where a secret lives (ARNs, Secrets Manager names, SSM parameter paths, {@code {{resolve:…}}},
 * {@code ${…}} placeholders), KMS ciphertext, UUIDs, hostnames and plain URLs are not secrets.
 */
public final class SecretDetector {

    public static final String AWS_SECRET_ACCESS_KEY = "aws-secret-access-key";
    public static final String HIGH_ENTROPY = "high-entropy";

    public static final String DATADOG_KEY = "datadog-key";

    /** Every detector id this class can return, for documentation and reports. */
    public static final List<String> DETECTORS = Stream.concat(ValueFormat.ALL.stream().map(ValueFormat::detectorId),
            Stream.of(JsonMembers.DETECTOR, DATADOG_KEY, AWS_SECRET_ACCESS_KEY, HIGH_ENTROPY)).toList();

    private static final double DEFAULT_MIN_ENTROPY = 3.0;
    private static final int DEFAULT_MIN_LENGTH = 10;

    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "passphrase", "pwd", "secret",
            "token", "apikey", "appkey", "applicationkey", "private", "credential", "accesskey", "signingkey",
            "encryptionkey", "masterkey", "sessionkey", "connectionstring");
    /** A last name part that makes the variable a pointer to a secret or a setting about it, not the secret. */
    private static final Set<String> REFERENCE_SUFFIXES = Set.of("arn", "name", "id", "path", "param", "parameter",
            "url", "uri", "endpoint", "host", "hostname", "port", "region", "file", "table", "bucket", "queue", "topic",
            "ttl", "length", "timeout", "expiry", "expiration", "enabled", "header", "type", "version", "prefix", "alias",
            "email", "user", "username", "mode", "role", "policy", "size", "count", "format", "algorithm", "scope",
            "audience", "issuer");

    private static final Pattern AWS_SECRET_KEY = Pattern.compile("[A-Za-z0-9/+]{40}");
    private static final Pattern NAME_PARTS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HOSTNAME = Pattern.compile("([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}(:\\d{1,5})?");
    /** AWS resource ids such as subnet-0abc… or sg-…, alone or as a list. */
    private static final Pattern AWS_IDS = Pattern.compile("[a-z]{1,12}-[0-9a-f]{8,17}(,\\s*[a-z]{1,12}-[0-9a-f]{8,17})*");
    private static final Pattern URL_WITHOUT_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s@]*");
    /** Lower-case words joined by separators (prod-db-credentials, my/app/token) read as a name, not as random. */
    private static final Pattern WORDS = Pattern.compile("[a-z]+([-_./:]([a-z]+|[0-9]+))+");
    private static final Pattern NUMBER_OR_BOOLEAN = Pattern.compile("(?i)[0-9.,+-]+|true|false|yes|no|on|off|null|none");
    /** Datadog API keys (32 hex) and application keys (40 hex) have no prefix: their variable names tell. */
    private static final Pattern DATADOG_NAME = Pattern.compile("(?i)(?:.*[^a-z])?(?:dd|datadog)[_-]?(?:api|app|application)[_-]?key");
    private static final Pattern DATADOG_VALUE = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}");
    /** The access key pair AWS documentation uses as a placeholder. */
    private static final Set<String> AWS_DOCUMENTATION_EXAMPLES = Set.of("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    private final JsonMembers json = new JsonMembers(SecretDetector::secretLikeName, SecretDetector::readsAsName);
    private final double minEntropy;
    private final int minLength;

    public SecretDetector() {
        this(DEFAULT_MIN_ENTROPY, DEFAULT_MIN_LENGTH);
    }

    /** @param minEntropy Shannon entropy in bits per character a value under a secret-like name must reach */
    public SecretDetector(double minEntropy, int minLength) {
        this.minEntropy = minEntropy;
        this.minLength = minLength;
    }

    /** Classifies one environment variable on its own. */
    public Optional<String> inEnvironmentVariable(String name, String value) {
        return classify(name, value, false);
    }

    /**
     * Classifies every variable of one function's environment; a 40-character AWS secret key is also recognised
     * beside an access key id held by another variable. The result keeps the input order and holds flagged names only.
     */
    public Map<String, String> inEnvironment(Map<String, String> environment) {
        boolean accessKeyIdPresent = environment.values().stream()
                .anyMatch(v -> v != null && ValueFormat.AWS_ACCESS_KEY_ID.occursIn(v));
        Map<String, String> flagged = new LinkedHashMap<>();
        environment.forEach((name, value) ->
                classify(name, value, accessKeyIdPresent).ifPresent(detector -> flagged.put(name, detector)));
        return flagged;
    }

    /** Classifies a tag value, description or name by value formats only. */
    public Optional<String> inFreeText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return ValueFormat.find(text).or(() -> json.find(text));
    }

    private Optional<String> classify(String name, String value, boolean besideAccessKeyId) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (AWS_DOCUMENTATION_EXAMPLES.contains(v) || References.isReference(v)) {
            return Optional.empty();
        }
        Optional<String> format = ValueFormat.find(v).or(() -> json.find(v));
        if (format.isPresent()) {
            return format;
        }
        if (name != null && DATADOG_NAME.matcher(name.strip()).matches() && DATADOG_VALUE.matcher(v).matches()) {
            return Optional.of(DATADOG_KEY);
        }
        boolean secretName = secretLikeName(name);
        if ((secretName || besideAccessKeyId) && looksLikeAwsSecretKey(v)) {
            return Optional.of(AWS_SECRET_ACCESS_KEY);
        }
        if (secretName && randomLooking(v)) {
            return Optional.of(HIGH_ENTROPY);
        }
        return Optional.empty();
    }

    static boolean secretLikeName(String name) {
        if (name == null) {
            return false;
        }
        String[] parts = NAME_PARTS.split(name.strip());
        if (parts.length == 0 || REFERENCE_SUFFIXES.contains(parts[parts.length - 1].toLowerCase(Locale.ROOT))) {
            return false;
        }
        String joined = String.join("", parts).toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(joined::contains);
    }

    /** Base64 of 30 random bytes: mixed case and digits or symbols, which rules out hex digests and words. */
    private static boolean looksLikeAwsSecretKey(String v) {
        return AWS_SECRET_KEY.matcher(v).matches()
                && v.chars().anyMatch(Character::isUpperCase) && v.chars().anyMatch(Character::isLowerCase)
                && v.chars().anyMatch(c -> Character.isDigit(c) || c == '/' || c == '+');
    }

    private boolean randomLooking(String v) {
        return v.length() >= minLength && v.chars().noneMatch(Character::isWhitespace) && !readsAsName(v)
                && Entropy.shannon(v) >= minEntropy;
    }

    /** Numbers, identifiers, hostnames, plain URLs and words: settings and names, not secrets. */
    static boolean readsAsName(String v) {
        return NUMBER_OR_BOOLEAN.matcher(v).matches() || UUID.matcher(v).matches() || HOSTNAME.matcher(v).matches()
                || AWS_IDS.matcher(v).matches() || URL_WITHOUT_PASSWORD.matcher(v).matches()
                || WORDS.matcher(v).matches();
    }
}
