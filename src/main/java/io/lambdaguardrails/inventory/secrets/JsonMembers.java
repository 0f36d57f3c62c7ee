package io.lambdaguardrails.inventory.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Secrets inside a JSON configuration blob: a member whose name says it holds a secret ({@code password},
 * {@code clientSecret}, {@code token}…) with a value that is not a placeholder or a reference, or any string member
 * in a known key format. Nested objects, arrays and JSON held in strings are read too.
 */
final class JsonMembers {

    static final String DETECTOR = "json-secret-member";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_SECRET_LENGTH = 4;

    private final Predicate<String> secretName;
    private final Predicate<String> nameLike;

    /**
     * @param secretName whether a member name says its value is a secret
     * @param nameLike   whether a value reads as a name or setting rather than as a secret
     */
    JsonMembers(Predicate<String> secretName, Predicate<String> nameLike) {
        this.secretName = secretName;
        this.nameLike = nameLike;
    }

    Optional<String> find(String text) {
        JsonNode root = parse(text);
        return root == null ? Optional.empty() : find(root);
    }

    private Optional<String> find(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<String> found = find(element);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                Optional<String> found = member(member.getKey(), member.getValue());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> member(String name, JsonNode value) {
        if (!value.isTextual()) {
            return find(value);
        }
        String text = value.asText().strip();
        JsonNode nested = parse(text);
        if (nested != null) {
            return find(nested);
        }
        Optional<String> format = ValueFormat.find(text);
        if (format.isPresent()) {
            return format;
        }
        boolean secretValue = text.length() >= MIN_SECRET_LENGTH && !Placeholders.isPlaceholder(text)
                && !Placeholders.isBoolean(text) && !References.isReference(text) && !nameLike.test(text);
        return secretName.test(name) && secretValue ? Optional.of(DETECTOR) : Optional.empty();
    }

    private static JsonNode parse(String text) {
        String t = text.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(t);
            return node != null && node.isContainerNode() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
