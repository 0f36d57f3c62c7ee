package io.lambdaguardrails.policy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Condition keys that, tested with a positive operator, narrow a statement to callers from particular accounts or
 * organisations — and how to read the account or organisation out of each key's value.
 */
public enum RestrictingKey {
    SOURCE_ACCOUNT("aws:SourceAccount", Shape.ACCOUNT),
    PRINCIPAL_ACCOUNT("aws:PrincipalAccount", Shape.ACCOUNT),
    SOURCE_ARN("aws:SourceArn", Shape.ARN),
    PRINCIPAL_ORG_ID("aws:PrincipalOrgID", Shape.ORG_ID),
    PRINCIPAL_ORG_PATHS("aws:PrincipalOrgPaths", Shape.ORG_PATH),
    SOURCE_ORG_ID("aws:SourceOrgID", Shape.ORG_ID),
    SOURCE_ORG_PATHS("aws:SourceOrgPaths", Shape.ORG_PATH),
    EVENT_SOURCE_TOKEN("lambda:EventSourceToken", Shape.TOKEN);

    /** Keys that narrow a statement open to Principal {@code *}. */
    public static final Set<RestrictingKey> FOR_PUBLIC = EnumSet.allOf(RestrictingKey.class);
    /** Keys that tie a service principal to the resource that triggers it (confused-deputy protection). */
    public static final Set<RestrictingKey> FOR_SERVICE =
            EnumSet.of(SOURCE_ACCOUNT, SOURCE_ARN, SOURCE_ORG_ID, SOURCE_ORG_PATHS, EVENT_SOURCE_TOKEN);

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String key;
    private final Shape shape;

    RestrictingKey(String key, Shape shape) {
        this.key = key;
        this.shape = shape;
    }

    public String key() {
        return key;
    }

    /** What one value of this key names. */
    sealed interface Named {
        /** A pattern that could match callers of any account or organisation, or a value naming none (S3 ARNs). */
        record Anyone() implements Named {
        }

        record Account(String id) implements Named {
        }

        record Organization(String id) implements Named {
        }

        /** A value that names a specific caller we cannot place (an event-source token, an odd literal). */
        record Specific() implements Named {
        }
    }

    Named read(String value) {
        return switch (shape) {
            case ACCOUNT -> account(value);
            case ARN -> {
                String[] parts = value.split(":", 6);
                yield parts.length == 6 ? account(parts[4]) : new Named.Anyone();
            }
            case ORG_ID -> organization(value);
            case ORG_PATH -> organization(value.split("/", 2)[0]);
            case TOKEN -> value.isEmpty() || Wildcard.has(value) ? new Named.Anyone() : new Named.Specific();
        };
    }

    private static Named account(String value) {
        if (value.isEmpty() || Wildcard.has(value)) {
            return new Named.Anyone();
        }
        return ACCOUNT_ID.matcher(value).matches() ? new Named.Account(value) : new Named.Specific();
    }

    private static Named organization(String value) {
        return value.isEmpty() || Wildcard.has(value) ? new Named.Anyone() : new Named.Organization(value);
    }

    static Optional<RestrictingKey> of(String conditionKey) {
        for (RestrictingKey k : values()) {
            if (k.key.equalsIgnoreCase(conditionKey)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private enum Shape {
        ACCOUNT, ARN, ORG_ID, ORG_PATH, TOKEN
    }
}
