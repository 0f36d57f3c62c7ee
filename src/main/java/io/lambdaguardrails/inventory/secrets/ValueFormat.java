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
 * JWTs and URLs that carry a password. Each detector has a stable id that reports show.
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
    SLACK_TOKEN("slack-token", "(?<![A-Za-z0-9])xox[abposr]-[0-9A-Za-z-]{10,}"),
    SLACK_WEBHOOK("slack-webhook", "https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]{8,}"),
    STRIPE_KEY("stripe-key", "(?<![A-Za-z0-9_])[sr]k_live_[A-Za-z0-9]{16,}"),
    PRIVATE_KEY("private-key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    JWT("jwt", "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]+)\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*") {
        @Override
        boolean confirms(Matcher m) {
            JsonNode header = decodeJson(m.group(1));
            return header != null && header.hasNonNull("alg");
        }
    },
    URL_PASSWORD("url-password", "\\b[A-Za-z][A-Za-z0-9+.-]*://([^\\s:/@]+):([^\\s/@]+)@[^\\s/@]+") {
        @Override
        boolean confirms(Matcher m) {
            return !isPlaceholder(m.group(2));
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Template references and masks stand in for a password; they are not one. */
    private static final Pattern PLACEHOLDER = Pattern.compile("[$%{<\\[].*|\\*+|[xX]+");

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

    private static boolean isPlaceholder(String password) {
        return PLACEHOLDER.matcher(password).matches();
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
