package io.lambdaguardrails.inventory.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognisable by their shape alone, wherever they appear in a text: vendor key formats, private keys,
 * JWTs, URLs and connection strings that carry a password, Basic credentials. Each detector has a stable id that
 * reports show. Order matters only for which id a text matching two formats gets.
 */
enum ValueFormat {

    AWS_ACCESS_KEY_ID("aws-access-key-id", "(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])") {
        @Override
        boolean confirms(Matcher m) {
            return !m.group().endsWith("EXAMPLE");
        }
    },
    GITHUB_TOKEN("github-token",
            "(?<![A-Za-z0-9_])(?:gh[opsur]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,})(?![A-Za-z0-9_])"),
    GITLAB_TOKEN("gitlab-token", "(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}"),
    SLACK_TOKEN("slack-token", "(?<![A-Za-z0-9])(?:xox[abposr]|xapp)-[0-9A-Za-z-]{10,}"),
    SLACK_WEBHOOK("slack-webhook", "https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{8,}"),
    STRIPE_KEY("stripe-key", "(?<![A-Za-z0-9_])(?:[sr]k_live_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{24,})"),
    ANTHROPIC_KEY("anthropic-key", "(?<![A-Za-z0-9_-])sk-ant-[a-z]+[0-9]{2}-[A-Za-z0-9_-]{32,}"),
    /** Project, service-account and admin keys, and the older user keys with OpenAI's marker in the middle. */
    OPENAI_KEY("openai-key", "(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{32,}"
            + "|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|[A-Za-z0-9]{48}(?![A-Za-z0-9_-]))"),
    GOOGLE_API_KEY("google-api-key", "(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"),
    /** The account key of a storage connection string, or the shared access key of Service Bus and Event Hubs. */
    AZURE_KEY("azure-key", "(?i:AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{40,}={0,2}"),
    NPM_TOKEN("npm-token", "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
    /** PyPI API tokens are macaroons whose first bytes encode "pypi.org". */
    PYPI_TOKEN("pypi-token", "(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}"),
    SENDGRID_KEY("sendgrid-key", "(?<![A-Za-z0-9_-])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"),
    /** Twilio API key SIDs start with SK; account SIDs (AC…) identify, they do not authenticate. */
    TWILIO_KEY("twilio-key", "(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])"),
    HUGGING_FACE_TOKEN("huggingface-token", "(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])"),
    PRIVATE_KEY("private-key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    JWT("jwt", "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*") {
        @Override
        boolean confirms(Matcher m) {
            JsonNode header = decodeJson(m.group(1));
            return header != null && header.hasNonNull("alg");
        }
    },
    /** {@code scheme://user:password@host}; the user may be empty ({@code redis://:password@host}). */
    URL_PASSWORD("url-password", "\\b[A-Za-z][A-Za-z0-9+.-]*://([^\\s:/@]*):([^\\s/@]+)@[^\\s/@]+") {
        @Override
        boolean confirms(Matcher m) {
            return !Placeholders.isPlaceholder(m.group(2));
        }
    },
    /**
     * A password-like key in a query string ({@code ?password=}, {@code &sig=}) or a {@code key=value;} connection
     * string (JDBC, ADO.NET: {@code Password=two words;}). The value ends at the next separator.
     */
    CONNECTION_STRING_PASSWORD("connection-string-password",
            "(?i)(?:^|[;?&\\s])(password|pwd|passwd|pass|client_?secret|sig|access_?token|api_?key)\\s*=\\s*([^;&\"'\\r\\n]+)") {
        @Override
        boolean confirms(Matcher m) {
            char separator = m.start() == 0 ? ';' : m.group().charAt(0);
            String value = m.group(2).strip();
            if (separator != ';') {
                value = value.split("\\s", 2)[0];
            }
            return !value.isEmpty() && !Placeholders.isPlaceholder(value) && !Placeholders.isBoolean(value);
        }
    },
    /** An HTTP Basic authorization value: base64 of {@code user:password}. */
    BASIC_CREDENTIALS("basic-credentials", "\\bBasic\\s+([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])") {
        @Override
        boolean confirms(Matcher m) {
            try {
                String decoded = new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon >= 0 && colon < decoded.length() - 1 && decoded.chars().noneMatch(Character::isISOControl)
                        && !Placeholders.isPlaceholder(decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<ValueFormat> ALL = List.of(values());

    private final String detectorId;
    private final Pattern pattern;

    ValueFormat(String detectorId, String regex) {
        this.detectorId = detectorId;
        this.pattern = Pattern.compile(regex);
    }

    String detectorId() {
        return detectorId;
    }

    /** The first detector whose format occurs in the text. */
    static Optional<String> find(String text) {
        for (ValueFormat format : ALL) {
            if (format.occursIn(text)) {
                return Optional.of(format.detectorId);
            }
        }
        return Optional.empty();
    }

    boolean occursIn(String text) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (confirms(m)) {
                return true;
            }
        }
        return false;
    }

    /** A second look at a match that the pattern alone cannot settle. */
    boolean confirms(Matcher m) {
        return true;
    }

    private static JsonNode decodeJson(String base64Url) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
