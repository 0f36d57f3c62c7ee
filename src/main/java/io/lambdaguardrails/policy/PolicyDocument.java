package io.lambdaguardrails.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamCondition;
import software.amazon.awssdk.policybuilder.iam.IamPolicyReader;
import software.amazon.awssdk.policybuilder.iam.IamPrincipal;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A parsed IAM policy: resource policy, trust policy, identity policy or SCP alike. Parsing goes through the AWS
 * SDK's {@link IamPolicyReader} after {@link PolicyNormaliser} has fixed the forms it rejects; the SDK's flattened
 * conditions (one per value) are regrouped per operator and key so that their values keep OR semantics.
 */
public record PolicyDocument(List<Statement> statements) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final IamPolicyReader READER = IamPolicyReader.create();

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Reads a policy; the exception's message gives a position or element, never the policy's text. */
    public static PolicyDocument parse(String json) throws PolicyParseException {
        if (json == null || json.isBlank()) {
            throw new PolicyParseException("policy is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new PolicyParseException(at == null ? "policy is not valid JSON"
                    : "policy is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        List<ObjectNode> normalised = PolicyNormaliser.statements(root);
        if (normalised.isEmpty()) {
            return new PolicyDocument(List.of());
        }
        ObjectNode policy = JsonNodeFactory.instance.objectNode();
        policy.putArray("Statement").addAll(normalised);
        try {
            return new PolicyDocument(READER.read(policy.toString()).statements().stream().map(PolicyDocument::statement).toList());
        } catch (RuntimeException e) {
            // The SDK's messages may quote the document; ours does not.
            throw new PolicyParseException("policy has a shape the IAM policy reader does not accept");
        }
    }

    /** The parsed policy, or empty when there is none or it does not parse: for callers that judge only what they can read. */
    public static Optional<PolicyDocument> tryParse(String json) {
        try {
            return Optional.of(parse(json));
        } catch (PolicyParseException e) {
            return Optional.empty();
        }
    }

    public List<Statement> allowStatements() {
        return statements.stream().filter(Statement::allows).toList();
    }

    private static Statement statement(IamStatement s) {
        return new Statement(
                s.sid(),
                s.effect().value().equalsIgnoreCase("Allow") ? Effect.ALLOW : Effect.DENY,
                principals(s.principals()),
                principals(s.notPrincipals()),
                values(s.actions(), IamAction::value),
                values(s.notActions(), IamAction::value),
                values(s.resources(), IamResource::value),
                values(s.notResources(), IamResource::value),
                regroup(s.conditions()));
    }

    private static List<Principal> principals(List<IamPrincipal> principals) {
        return values(principals, p -> Principal.of(p.type().value(), p.id()));
    }

    private static <T, R> List<R> values(List<T> items, Function<T, R> value) {
        return items == null ? List.of() : items.stream().map(value).toList();
    }

    /** One condition per (operator, key), keys matched case-insensitively, values in document order. */
    private static List<Condition> regroup(List<IamCondition> flat) {
        if (flat == null) {
            return List.of();
        }
        var groups = new LinkedHashMap<String, List<IamCondition>>();
        for (IamCondition c : flat) {
            String id = c.operator().value() + "\u0000" + c.key().value().toLowerCase(Locale.ROOT);
            groups.computeIfAbsent(id, k -> new ArrayList<>()).add(c);
        }
        return groups.values().stream()
                .map(g -> new Condition(g.getFirst().operator().value(), g.getFirst().key().value(),
                        g.stream().map(IamCondition::value).toList()))
                .toList();
    }
}
