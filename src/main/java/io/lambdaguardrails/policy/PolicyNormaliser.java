package io.lambdaguardrails.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the shape of a policy and rewrites the forms the SDK reader rejects or silently misreads:
 * <ul>
 * <li>a bare-string principal other than {@code "*"} ({@code "Principal": "999988887777"}, as moto's Lambda
 *     GetPolicy returns it) becomes {@code {"AWS": "999988887777"}};</li>
 * <li>boolean and number condition values ({@code "Bool": {"aws:SecureTransport": false}}) become strings — the
 *     reader would drop them, turning a conditional statement into an unconditional one.</li>
 * </ul>
 * Errors name the statement and element, never a value.
 */
final class PolicyNormaliser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolicyNormaliser() {
    }

    /** The normalised statements, each an object; empty when the policy has none. */
    static List<ObjectNode> statements(JsonNode root) throws PolicyParseException {
        if (!root.isObject()) {
            throw new PolicyParseException("policy is not a JSON object");
        }
        JsonNode node = root.get("Statement");
        List<JsonNode> raw = new ArrayList<>();
        if (node == null || node.isNull()) {
            return List.of();
        } else if (node.isArray()) {
            node.forEach(raw::add);
        } else if (node.isObject()) {
            raw.add(node);
        } else {
            throw new PolicyParseException("Statement is neither a list nor an object");
        }
        List<ObjectNode> statements = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            statements.add(statement(raw.get(i), "statement " + (i + 1)));
        }
        return statements;
    }

    private static ObjectNode statement(JsonNode node, String where) throws PolicyParseException {
        if (!node.isObject()) {
            throw new PolicyParseException(where + " is not an object");
        }
        ObjectNode statement = ((ObjectNode) node).deepCopy();
        JsonNode effect = statement.get("Effect");
        if (effect == null || !effect.isTextual()
                || !List.of("allow", "deny").contains(effect.asText().toLowerCase(Locale.ROOT))) {
            throw new PolicyParseException(where + ": Effect is not Allow or Deny");
        }
        for (String name : List.of("Principal", "NotPrincipal")) {
            if (statement.has(name)) {
                statement.set(name, principal(statement.get(name), where + ": " + name));
            }
        }
        for (String name : List.of("Action", "NotAction", "Resource", "NotResource")) {
            if (statement.has(name)) {
                requireStrings(statement.get(name), where + ": " + name);
            }
        }
        if (statement.has("Condition")) {
            statement.set("Condition", condition(statement.get("Condition"), where + ": Condition"));
        }
        return statement;
    }

    private static JsonNode principal(JsonNode node, String where) throws PolicyParseException {
        if (node.isTextual()) {
            return node.asText().equals("*") ? node : NODES.objectNode().set("AWS", node);
        }
        if (!node.isObject()) {
            throw new PolicyParseException(where + " is neither \"*\" nor an object");
        }
        ObjectNode fixed = NODES.objectNode();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            fixed.set(entry.getKey(), scalarsAsText(entry.getValue(), where + " " + entry.getKey()));
        }
        return fixed;
    }

    private static JsonNode condition(JsonNode node, String where) throws PolicyParseException {
        if (!node.isObject()) {
            throw new PolicyParseException(where + " is not an object");
        }
        ObjectNode fixed = NODES.objectNode();
        for (Map.Entry<String, JsonNode> operator : node.properties()) {
            if (!operator.getValue().isObject()) {
                throw new PolicyParseException(where + ": an operator does not map keys to values");
            }
            ObjectNode keys = NODES.objectNode();
            for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
                JsonNode values = scalarsAsText(key.getValue(), where + " value");
                if (values.isArray() && values.isEmpty()) {
                    throw new PolicyParseException(where + ": a key has an empty list of values");
                }
                keys.set(key.getKey(), values);
            }
            fixed.set(operator.getKey(), keys);
        }
        return fixed;
    }

    /** A string, number or boolean, or a list of them, as text. */
    private static JsonNode scalarsAsText(JsonNode node, String where) throws PolicyParseException {
        if (node.isArray()) {
            ArrayNode list = NODES.arrayNode();
            for (JsonNode item : node) {
                list.add(scalarAsText(item, where));
            }
            return list;
        }
        return scalarAsText(node, where);
    }

    private static TextNode scalarAsText(JsonNode node, String where) throws PolicyParseException {
        if (!node.isValueNode() || node.isNull()) {
            throw new PolicyParseException(where + " is not a string, number or boolean");
        }
        return TextNode.valueOf(node.asText());
    }

    private static void requireStrings(JsonNode node, String where) throws PolicyParseException {
        boolean ok = node.isTextual() || (node.isArray() && iterable(node).stream().allMatch(JsonNode::isTextual));
        if (!ok) {
            throw new PolicyParseException(where + " is neither a string nor a list of strings");
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
