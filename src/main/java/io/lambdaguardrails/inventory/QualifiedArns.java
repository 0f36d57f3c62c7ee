package io.lambdaguardrails.inventory;

import io.lambdaguardrails.policy.PolicyDocument;
import io.lambdaguardrails.policy.Statement;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Function ARNs with an alias or version after the name ({@code …:function:fn:live}). */
final class QualifiedArns {

    /** {@code arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}; {@code $LATEST} is the unqualified function. */
    private static final Pattern FUNCTION = Pattern.compile("(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+)(?::([A-Za-z0-9_$-]+))?");

    private QualifiedArns() {
    }

    static String unqualified(String arn) {
        Matcher m = FUNCTION.matcher(arn == null ? "" : arn);
        return m.matches() ? m.group(1) : arn;
    }

    static Optional<String> qualifier(String arn) {
        Matcher m = FUNCTION.matcher(arn == null ? "" : arn);
        return m.matches() && m.group(2) != null && !m.group(2).equals("$LATEST") ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The qualifiers of {@code functionArn} that a policy's Resource elements name literally. */
    static Set<String> namedIn(String functionArn, PolicyDocument policy) {
        Set<String> named = new TreeSet<>();
        policy.statements().stream()
                .map(Statement::resources).flatMap(java.util.List::stream)
                .filter(r -> unqualified(r).equals(functionArn))
                .forEach(r -> qualifier(r).ifPresent(named::add));
        return named;
    }
}
