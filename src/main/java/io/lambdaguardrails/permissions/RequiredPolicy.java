package io.lambdaguardrails.permissions;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.util.Separators.Spacing;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exact IAM policy documents lambda-guardrails needs, read from {@code iam/*.json} resources. The CloudFormation
 * templates carry the same statements (same Sids and actions), so what {@code iam-policy} prints is what they deploy.
 */
public final class RequiredPolicy {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RequiredPolicy() {
    }

    /** The member-account policy; it has no parameters. */
    public static String member() {
        return print(template(PermissionSet.MEMBER));
    }

    /**
     * The scanner policy for a reports location and the integrations asked for. A statement whose placeholder has no
     * value (the KMS statement when the bucket is not SSE-KMS, Security Hub and SNS when not used) is left out rather
     * than granted on a wildcard.
     */
    public static String scanner(PolicyParameters parameters) {
        ObjectNode document = template(PermissionSet.SCANNER);
        Map<String, List<String>> values = parameters.placeholders();
        ArrayNode kept = JSON.createArrayNode();
        for (JsonNode statement : document.withArray("Statement")) {
            if (placeholdersIn(statement).allMatch(values::containsKey)) {
                kept.add(substitute(statement, values));
            }
        }
        document.set("Statement", kept);
        return print(document);
    }

    /** The unrendered document, placeholders included: the source the templates and tests compare against. */
    public static ObjectNode template(PermissionSet set) {
        try (InputStream in = RequiredPolicy.class.getClassLoader().getResourceAsStream(set.resource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + set.resource());
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + set.resource(), e);
        }
    }

    private static Stream<String> placeholdersIn(JsonNode statement) {
        return PLACEHOLDER.matcher(statement.toString()).results().map(match -> match.group(1));
    }

    private static JsonNode substitute(JsonNode node, Map<String, List<String>> values) {
        if (node.isTextual()) {
            Matcher matcher = PLACEHOLDER.matcher(node.textValue());
            return TextNode.valueOf(matcher.replaceAll(match -> Matcher.quoteReplacement(single(match.group(1), values))));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(field -> copy.set(field.getKey(), substitute(field.getValue(), values)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            for (JsonNode element : node) {
                Matcher whole = PLACEHOLDER.matcher(element.asText());
                if (element.isTextual() && whole.matches()) {
                    values.get(whole.group(1)).forEach(copy::add);
                } else {
                    copy.add(substitute(element, values));
                }
            }
            return copy;
        }
        return node;
    }

    /** A placeholder inside a longer string takes exactly one value: several would have to be several strings. */
    private static String single(String name, Map<String, List<String>> values) {
        List<String> given = values.get(name);
        if (given.size() != 1) {
            throw new IllegalStateException("placeholder {{" + name + "}} has " + given.size()
                    + " values but is not a whole element of a list");
        }
        return given.getFirst();
    }

    private static String print(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try {
            return JSON.writer(printer).writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
