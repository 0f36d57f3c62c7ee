package io.lambdaguardrails.rules.support;

import io.lambdaguardrails.policy.Decision;
import io.lambdaguardrails.policy.StatementRef;

import java.util.List;

/**
 * One party besides Lambda that an execution role's trust policy lets assume it, and why.
 *
 * @param kind             how far it reaches: anyone, a foreign account, our organisation, our account, a service
 * @param principal        who: {@code *}, an account or organisation id, a principal ARN, a service or an identity provider
 * @param identityProvider a web-identity or SAML provider: the identities it vouches for live outside AWS, whichever
 *                         account registered it
 * @param decision         {@link Decision#ALLOWED}, or {@link Decision#DEPENDS_ON_CONTEXT} on the keys in {@code dependsOn}
 * @param statements       the trust-policy statements that grant it
 */
public record Truster(InvokerKind kind, String principal, boolean identityProvider, Decision decision,
                      List<String> dependsOn, List<StatementRef> statements) {

    public Truster {
        dependsOn = List.copyOf(dependsOn);
        statements = List.copyOf(statements);
    }

    /** Outside the organisation: anyone, a foreign (or unplaceable) account, or an external identity provider. */
    public boolean outside() {
        return identityProvider || kind == InvokerKind.ANY_ACCOUNT || kind == InvokerKind.FOREIGN_ACCOUNT
                || kind == InvokerKind.PUBLIC;
    }
}
