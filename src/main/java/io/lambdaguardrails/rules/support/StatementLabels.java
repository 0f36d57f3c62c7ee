package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.StatementRef;
import io.lambdaguardrails.rules.Details;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a finding names a statement: {@code inline policy 'p' statement #2}, {@code managed policy 'ReadOnly'
 * statement 'S3'}, {@code permissions boundary 'cap' statement #1}, {@code SCP 'deny-urls' statement #1}. Names and
 * Sids come from the scanned accounts and go through {@link Details}.
 */
public final class StatementLabels {

    private static final int MAX_LISTED = 4;

    private StatementLabels() {
    }

    public static String label(StatementRef ref) {
        String policy = ref.policy().startsWith("arn:") ? ref.policy().substring(ref.policy().lastIndexOf('/') + 1) : ref.policy();
        String kind = switch (ref.kind()) {
            case IDENTITY -> ref.policy().startsWith("arn:") ? "managed policy" : "inline policy";
            case BOUNDARY -> "permissions boundary";
            case SCP -> "SCP";
            case RESOURCE -> "resource policy";
        };
        return kind + " " + Details.quote(policy) + " " + statement(ref);
    }

    /** {@code statement 'Sid'}, or {@code statement #N} by position when it has no Sid. */
    public static String statement(StatementRef ref) {
        return "statement " + (ref.sid().isBlank() ? "#" + ref.index() : Details.quote(ref.sid()));
    }

    /** The distinct statements, in order, at most a few named. */
    public static String list(Collection<StatementRef> refs) {
        List<String> labels = List.copyOf(new LinkedHashSet<>(refs.stream().map(StatementLabels::label).toList()));
        return Details.list(labels, MAX_LISTED);
    }

    /** The ARNs of the managed policies among the statements, for a finding's {@code related}. */
    public static List<String> managedPolicies(Collection<StatementRef> refs) {
        return refs.stream().map(StatementRef::policy).filter(p -> p.startsWith("arn:")).distinct().toList();
    }
}
