package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.StatementRef;

import java.util.List;

/**
 * One party that may invoke a function or one of its qualifiers, and why.
 *
 * @param qualifier  the alias or version ({@code live}, {@code 7}); empty for the unqualified function
 * @param principal  who: {@code *}, an account or organisation id, a principal ARN or a service principal
 * @param through    how: {@code resource policy}, {@code function URL (AuthType NONE)} or {@code function URL (AuthType AWS_IAM)}
 * @param decision   {@link Decision#ALLOWED}, or {@link Decision#DEPENDS_ON_CONTEXT} on the keys in {@code dependsOn}
 * @param statements the resource-policy statements that grant it
 */
public record Invoker(String qualifier, InvokerKind kind, String principal, String through, Decision decision,
                      List<String> dependsOn, List<StatementRef> statements) {

    public static final String RESOURCE_POLICY = "resource policy";

    public Invoker {
        dependsOn = List.copyOf(dependsOn);
        statements = List.copyOf(statements);
    }

    public static String url(String authType) {
        return "function URL (AuthType " + authType + ")";
    }

    public boolean viaUrl() {
        return through.startsWith("function URL");
    }
}
