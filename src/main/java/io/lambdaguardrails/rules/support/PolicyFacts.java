package io.lambdaguardrails.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambdaguardrails.inventory.snapshot.IamInventory;
import io.lambdaguardrails.inventory.snapshot.IamRole;
import io.lambdaguardrails.inventory.snapshot.ManagedPolicy;
import io.lambdaguardrails.rules.Glob;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The few policy facts the network and operations rules need: which services an identity policy may use and which
 * AWS services a resource policy lets in. Deliberately coarse (no conditions, resources or explicit denies); the
 * access rules use the full policy analysis.
 */
public final class PolicyFacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyFacts() {
    }

    /** One statement reduced to effect, action patterns and service principals. */
    public record Statement(boolean allow, List<String> actions, boolean notAction, List<String> servicePrincipals) {
        public Statement {
            actions = List.copyOf(actions);
            servicePrincipals = List.copyOf(servicePrincipals);
        }

        /** Whether an Allow statement grants at least one action of the service (an IAM namespace such as s3). */
        public boolean allowsService(String service) {
            if (!allow) {
                return false;
            }
            if (notAction) {
                return actions.stream().noneMatch(a -> coversWholeService(a, service));
            }
            return actions.stream().anyMatch(a -> a.equals("*") || Glob.ignoringCase(servicePart(a)).matches(service));
        }

        private static boolean coversWholeService(String action, String service) {
            return action.equals("*") || (Glob.ignoringCase(servicePart(action)).matches(service)
                    && action.substring(action.indexOf(':') + 1).equals("*"));
        }

        private static String servicePart(String action) {
            int colon = action.indexOf(':');
            return colon < 0 ? action : action.substring(0, colon);
        }
    }

    /** The statements of a policy document, or empty when it is not readable JSON. */
    public static Optional<List<Statement>> statements(String document) {
        if (document == null) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(document);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            List<Statement> statements = new ArrayList<>();
            for (JsonNode s : asList(root.get("Statement"))) {
                boolean notAction = s.has("NotAction");
                statements.add(new Statement("Allow".equalsIgnoreCase(s.path("Effect").asText()),
                        texts(notAction ? s.get("NotAction") : s.get("Action")), notAction,
                        texts(s.path("Principal").get("Service"))));
            }
            return Optional.of(statements);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Every statement of the role's inline and attached policies, or empty when one of the documents is missing
     * or unreadable (then no conclusion may be drawn from the role's permissions).
     */
    public static Optional<List<Statement>> roleStatements(IamInventory iam, IamRole role) {
        List<String> documents = new ArrayList<>();
        role.inlinePolicies().forEach(p -> documents.add(p.document()));
        for (String arn : role.attachedPolicyArns()) {
            Optional<ManagedPolicy> policy = iam.managedPolicy(arn);
            if (policy.isEmpty()) {
                return Optional.empty();
            }
            documents.add(policy.get().document());
        }
        List<Statement> all = new ArrayList<>();
        for (String document : documents) {
            Optional<List<Statement>> statements = statements(document);
            if (statements.isEmpty()) {
                return Optional.empty();
            }
            all.addAll(statements.get());
        }
        return Optional.of(all);
    }

    /** The service name of a principal such as {@code s3.amazonaws.com} or {@code logs.eu-west-1.amazonaws.com}. */
    public static String serviceName(String servicePrincipal) {
        int dot = servicePrincipal.indexOf('.');
        return (dot < 0 ? servicePrincipal : servicePrincipal.substring(0, dot)).toLowerCase(Locale.ROOT);
    }

    private static List<JsonNode> asList(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    private static List<String> texts(JsonNode node) {
        return asList(node).stream().filter(JsonNode::isTextual).map(JsonNode::asText).toList();
    }
}
