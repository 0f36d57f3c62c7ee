package io.lambdaguardrails.risk;

import java.util.Optional;

/**
 * The kinds of ingredient a risk path is built from, each with the finding rules that are its evidence. Within
 * {@link Aspect#EXPOSURE} and {@link Aspect#BLAST_RADIUS} the kinds are declared from strongest to weakest.
 */
public enum IngredientKind {
    PUBLIC_URL(Aspect.EXPOSURE, "anyone on the internet → function URL (AuthType NONE)"),
    PUBLIC_POLICY(Aspect.EXPOSURE, "anyone → resource policy (Principal *)"),
    FOREIGN_ACCOUNT(Aspect.EXPOSURE, "an account outside the organisation → resource policy"),
    UNSCOPED_SERVICE(Aspect.EXPOSURE, "any account's use of an AWS service → resource policy (service principal without source account)"),
    ADMINISTRATOR(Aspect.BLAST_RADIUS, "execution role with administrator access → every resource in account %s"),
    PRIVILEGE_ESCALATION(Aspect.BLAST_RADIUS, "execution role that can escalate its own privileges in account %s"),
    BROAD_DATA_ACCESS(Aspect.BLAST_RADIUS, "execution role with service-wide wildcards (broad data access) in account %s"),
    SECRET(Aspect.SECRET, "a secret in its configuration"),
    PUBLIC_SUBNET(Aspect.NETWORK, "attached to a public subnet"),
    OPEN_EGRESS(Aspect.NETWORK, "a security group open to all outbound traffic"),
    DEPRECATED_RUNTIME(Aspect.RUNTIME, "a deprecated runtime"),
    UNSIGNED_CODE(Aspect.CODE_INTEGRITY, "code that is not signed and enforced");

    private final Aspect aspect;
    private final String phrase;

    IngredientKind(Aspect aspect, String phrase) {
        this.aspect = aspect;
        this.phrase = phrase;
    }

    public Aspect aspect() {
        return aspect;
    }

    /** The words the chain uses; a blast radius names the account with {@code %s}. */
    String phrase() {
        return phrase;
    }

    /** Which ingredient a finding of {@code ruleId} is evidence of, if any. */
    public static Optional<IngredientKind> forRule(String ruleId) {
        return Optional.ofNullable(switch (ruleId) {
            case "LG-ACC-002" -> PUBLIC_URL;
            case "LG-ACC-001" -> PUBLIC_POLICY;
            case "LG-ACC-004" -> FOREIGN_ACCOUNT;
            case "LG-ACC-005" -> UNSCOPED_SERVICE;
            case "LG-IAM-002" -> ADMINISTRATOR;
            case "LG-IAM-004" -> PRIVILEGE_ESCALATION;
            case "LG-IAM-003" -> BROAD_DATA_ACCESS;
            case "LG-RUN-001", "LG-RUN-002" -> SECRET;
            case "LG-NET-003" -> PUBLIC_SUBNET;
            case "LG-NET-004" -> OPEN_EGRESS;
            case "LG-RUN-003" -> DEPRECATED_RUNTIME;
            case "LG-SIG-001", "LG-SIG-002", "LG-SIG-003" -> UNSIGNED_CODE;
            default -> null;
        });
    }

    /** Reachable from outside the organisation: what makes a powerful role a toxic combination. */
    boolean outsideTheOrganisation() {
        return this == PUBLIC_URL || this == PUBLIC_POLICY || this == FOREIGN_ACCOUNT;
    }

    /** A role that can reach (or make itself reach) far beyond the function's own job. */
    boolean powerful() {
        return this == ADMINISTRATOR || this == PRIVILEGE_ESCALATION;
    }
}
