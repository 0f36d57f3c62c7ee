package io.lambdaguardrails.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One principal of a statement. Every public form ({@code "*"}, {@code {"AWS": "*"}}) is {@link Kind#PUBLIC}, so
 * callers never compare ids with {@code "*"} themselves.
 */
public record Principal(Kind kind, String id) {

    public enum Kind {
        PUBLIC, AWS, SERVICE, FEDERATED, CANONICAL_USER, OTHER
    }

    public static final Principal PUBLIC = new Principal(Kind.PUBLIC, "*");

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** IAM and STS ARNs carry the account in the fifth field: {@code arn:aws:iam::ID:root|role/..|user/..}. */
    private static final Pattern IDENTITY_ARN = Pattern.compile("arn:aws[a-z-]*:(?:iam|sts)::(\\d{12}):.+");

    /** From the SDK reader's (type, id) pair; type {@code *} is its {@code IamPrincipal.ALL}. */
    static Principal of(String type, String id) {
        if (id.equals("*") && (type.equals("*") || type.equalsIgnoreCase("AWS"))) {
            return PUBLIC;
        }
        Kind kind = switch (type.toLowerCase(Locale.ROOT)) {
            case "aws" -> Kind.AWS;
            case "service" -> Kind.SERVICE;
            case "federated" -> Kind.FEDERATED;
            case "canonicaluser" -> Kind.CANONICAL_USER;
            default -> Kind.OTHER;
        };
        return new Principal(kind, id);
    }

    /**
     * The service a service principal names, lower-case: {@code s3} of {@code s3.amazonaws.com}, {@code logs} of
     * {@code logs.eu-west-1.amazonaws.com}. Empty for every other kind.
     */
    public Optional<String> service() {
        if (kind != Kind.SERVICE) {
            return Optional.empty();
        }
        int dot = id.indexOf('.');
        return Optional.of((dot < 0 ? id : id.substring(0, dot)).toLowerCase(Locale.ROOT));
    }

    /**
     * The account an AWS or federated principal belongs to: a bare id, {@code arn:aws:iam::ID:root}, a role, user or
     * assumed-role ARN, or an identity-provider ARN. Empty for public, service and web-identity principals, and for
     * unique ids ({@code AROA…}) left behind by deleted roles.
     */
    public Optional<String> accountId() {
        if (kind != Kind.AWS && kind != Kind.FEDERATED) {
            return Optional.empty();
        }
        if (kind == Kind.AWS && ACCOUNT_ID.matcher(id).matches()) {
            return Optional.of(id);
        }
        var m = IDENTITY_ARN.matcher(id);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
