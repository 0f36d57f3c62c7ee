package io.lambdaguardrails.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Evaluates the few intrinsic functions that build values from parameters (Ref, Fn::Sub, Fn::Join, Fn::If, Fn::GetAtt
 * and the condition functions) the way CloudFormation would, for a chosen set of parameter values, including
 * {@code AWS::NoValue}, which removes the property or list element it stands for. A value that needs a deployed
 * resource must be given with {@link #withResource}; anything else out of reach fails the test loudly.
 */
final class CfnEvaluator {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    /** What {@code Ref AWS::NoValue} evaluates to: dropped from the object or list that holds it. */
    private static final Object NO_VALUE = new Object();

    private final Map<String, Object> values = new HashMap<>();
    private final JsonNode conditions;

    CfnEvaluator(JsonNode template, Map<String, String> parameterValues) {
        template.get("Parameters").properties().forEach(parameter -> {
            String name = parameter.getKey();
            JsonNode declared = parameter.getValue();
            String value = parameterValues.getOrDefault(name, declared.path("Default").asText(null));
            if (value != null) {
                values.put(name, declared.path("Type").asText().equals("CommaDelimitedList")
                        ? Arrays.asList(value.split(",")) : value);
            }
        });
        values.put("AWS::Partition", "aws");
        values.put("AWS::AccountId", "111122223333");
        values.put("AWS::Region", "eu-west-1");
        conditions = template.path("Conditions");
    }

    /**
     * What {@code Ref} to a resource gives once deployed (a bucket's name), or an attribute ({@code ReportsBucket.Arn})
     * for {@code Fn::GetAtt}, for values that name one.
     */
    CfnEvaluator withResource(String logicalId, String physicalId) {
        values.put(logicalId, physicalId);
        return this;
    }

    Object evaluate(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(evaluate(element)));
            list.removeIf(element -> element == NO_VALUE);
            return list;
        }
        if (!node.isObject()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            String name = node.get("Ref").asText();
            return name.equals("AWS::NoValue") ? NO_VALUE : lookup(name);
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode attribute = node.get("Fn::GetAtt");
            return lookup(attribute.isArray() ? attribute.get(0).asText() + "." + attribute.get(1).asText()
                    : attribute.asText());
        }
        if (node.has("Fn::Sub")) {
            Matcher matcher = VARIABLE.matcher(node.get("Fn::Sub").asText());
            return matcher.replaceAll(match -> Matcher.quoteReplacement((String) lookup(match.group(1))));
        }
        if (node.has("Fn::Join")) {
            JsonNode arguments = node.get("Fn::Join");
            List<?> parts = (List<?>) evaluate(arguments.get(1));
            return parts.stream().map(Object::toString).collect(Collectors.joining(arguments.get(0).asText()));
        }
        if (node.has("Fn::If")) {
            JsonNode arguments = node.get("Fn::If");
            return evaluate(arguments.get(condition(arguments.get(0).asText()) ? 1 : 2));
        }
        if (node.properties().stream().anyMatch(field -> field.getKey().startsWith("Fn::"))) {
            throw new IllegalArgumentException("cannot evaluate " + node);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        node.properties().forEach(field -> object.put(field.getKey(), evaluate(field.getValue())));
        object.values().removeIf(value -> value == NO_VALUE);
        return object;
    }

    boolean condition(String name) {
        JsonNode definition = conditions.get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition " + name);
        }
        return truth(definition);
    }

    private boolean truth(JsonNode node) {
        if (node.has("Fn::Not")) {
            return !truth(node.get("Fn::Not").get(0));
        }
        if (node.has("Fn::Equals")) {
            return Objects.equals(evaluate(node.get("Fn::Equals").get(0)), evaluate(node.get("Fn::Equals").get(1)));
        }
        if (node.has("Condition")) {
            return condition(node.get("Condition").asText());
        }
        throw new IllegalArgumentException("cannot evaluate condition " + node);
    }

    private Object lookup(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for " + name + " (resources are not evaluated)");
        }
        return value;
    }
}
