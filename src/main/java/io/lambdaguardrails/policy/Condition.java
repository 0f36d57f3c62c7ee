package io.lambdaguardrails.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One condition operator applied to one key, with all its values (any of which may match: OR). A statement's
 * conditions all have to hold (AND). Keys compare case-insensitively ({@code AWS:SourceArn} is
 * {@code aws:SourceArn}).
 */
public record Condition(String operator, String key, List<String> values) {

    private static final String ANY_VALUE = "foranyvalue:", ALL_VALUES = "forallvalues:", IF_EXISTS = "ifexists";
    public Condition {
        values = List.copyOf(values);
    }

    public boolean keyIs(String name) {
        return key.equalsIgnoreCase(name);
    }

    /** The operator without set qualifier and {@code IfExists}, lower-case: {@code stringequals}. */
    public String baseOperator() {
        String op = operator.toLowerCase(Locale.ROOT);
        if (op.startsWith(ANY_VALUE)) {
            op = op.substring(ANY_VALUE.length());
        } else if (op.startsWith(ALL_VALUES)) {
            op = op.substring(ALL_VALUES.length());
        }
        return op.endsWith(IF_EXISTS) ? op.substring(0, op.length() - IF_EXISTS.length()) : op;
    }

    public boolean ifExists() {
        return operator.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS);
    }

    public boolean forAllValues() {
        return operator.toLowerCase(Locale.ROOT).startsWith(ALL_VALUES);
    }

    public boolean forAnyValue() {
        return operator.toLowerCase(Locale.ROOT).startsWith(ANY_VALUE);
    }

    /** StringNotEquals, ArnNotLike, NotIpAddress…: true when no value matches. */
    public boolean negated() {
        return ConditionOperator.negated(baseOperator());
    }

    /**
     * Whether the condition holds in {@code context}, as IAM evaluates it: a missing key fails a positive operator
     * and satisfies a negated one, IfExists and ForAllValues; ForAnyValue needs one request value to match,
     * ForAllValues every one; policy variables in the values resolve from the context. Unknown when the key, or a
     * variable it uses, is not known. A value whose variable the request does not carry (and without a default) is
     * invalid: it matches nothing, and fails a negated operator outright. When the key is absent the values are not
     * read, which is why IAM recommends IfExists with variables.
     */
    public Truth evaluate(RequestContext context) {
        return switch (context.lookup(key)) {
            case RequestContext.Lookup.Unknown u -> Truth.unknown(Set.of(key));
            case RequestContext.Lookup.Absent a -> Truth.of(holdsWithoutKey());
            case RequestContext.Lookup.Present p -> holdsForValues(p.values(), context);
        };
    }

    private boolean holdsWithoutKey() {
        if (baseOperator().equals("null")) {
            return values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
        }
        if (forAnyValue()) {
            return false;
        }
        return forAllValues() || ifExists() || negated();
    }

    private Truth holdsForValues(List<String> requestValues, RequestContext context) {
        if (negated() && values.stream().anyMatch(v -> PolicyVariables.resolve(v, context) instanceof PolicyVariables.Resolved.Missing)) {
            return Truth.FALSE;
        }
        if (baseOperator().equals("null")) {
            return Truth.of(values.stream().anyMatch(v -> v.equalsIgnoreCase("false")));
        }
        List<Truth> each = requestValues.stream().map(v -> ConditionOperator.matchesAny(baseOperator(), values, v, context)).toList();
        if (forAllValues()) {
            return Truth.allOf(each.stream().map(t -> negated() ? t.not() : t).toList());
        }
        if (forAnyValue()) {
            return Truth.anyOf(each.stream().map(t -> negated() ? t.not() : t).toList());
        }
        Truth any = Truth.anyOf(each);
        return negated() ? any.not() : any;
    }

}
