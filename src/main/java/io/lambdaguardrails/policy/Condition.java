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
    private static final Set<String> POSITIVE = Set.of(
            "stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike");

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
        String base = baseOperator();
        return base.contains("not") && !base.equals("null");
    }

    /**
     * A positive match (StringEquals/Like, ArnEquals/Like, also as ForAnyValue) that fails when the key is missing —
     * the only form that narrows who a statement admits. IfExists and ForAllValues pass on a missing key.
     */
    public boolean restricts() {
        return POSITIVE.contains(baseOperator()) && !ifExists() && !forAllValues();
    }

    /** Whether the condition holds for a request carrying {@code value} for this key. */
    public boolean holdsFor(String value) {
        String base = baseOperator();
        boolean anyMatch = switch (base) {
            case "stringequals", "stringnotequals" -> values.contains(value);
            case "stringequalsignorecase", "stringnotequalsignorecase", "bool" ->
                    values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
            case "stringlike", "stringnotlike", "arnequals", "arnnotequals", "arnlike", "arnnotlike" ->
                    values.stream().anyMatch(v -> Wildcard.matches(v, value, false));
            case "null" -> values.stream().anyMatch(v -> v.equalsIgnoreCase("false"));
            default -> false; // numeric, date, IP and binary comparisons are not judged: assume no match
        };
        return negated() ? !anyMatch : anyMatch;
    }

    /**
     * Whether the condition holds for a request without this key: {@code Null: true}, negated operators,
     * IfExists and ForAllValues do; positive operators and ForAnyValue do not.
     */
    public boolean holdsWhenAbsent() {
        if (forAnyValue()) {
            return false;
        }
        if (forAllValues() || ifExists()) {
            return true;
        }
        if (baseOperator().equals("null")) {
            return values.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
        }
        return negated();
    }

    /** {@code Bool: {key: true}}: the statement applies only when the key is true. */
    public boolean requiresTrue() {
        return baseOperator().equals("bool") && !ifExists() && values.stream().allMatch(v -> v.equalsIgnoreCase("true"));
    }
}
