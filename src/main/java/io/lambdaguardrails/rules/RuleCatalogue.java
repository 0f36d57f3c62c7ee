package io.lambdaguardrails.rules;

import io.lambdaguardrails.rules.access.ForeignAccountAccess;
import io.lambdaguardrails.rules.access.ForeignLayer;
import io.lambdaguardrails.rules.access.NonInvokeGrant;
import io.lambdaguardrails.rules.access.PermissiveUrlCors;
import io.lambdaguardrails.rules.access.PublicInvokePolicy;
import io.lambdaguardrails.rules.access.UnauthenticatedFunctionUrl;
import io.lambdaguardrails.rules.access.UnscopedServicePrincipal;
import io.lambdaguardrails.rules.iam.AdministratorRole;
import io.lambdaguardrails.rules.iam.ExtraTrustedPrincipal;
import io.lambdaguardrails.rules.iam.MissingPermissionsBoundary;
import io.lambdaguardrails.rules.iam.MissingRequiredTags;
import io.lambdaguardrails.rules.iam.PrivilegeEscalation;
import io.lambdaguardrails.rules.iam.ServiceWildcardGrant;
import io.lambdaguardrails.rules.iam.SharedExecutionRole;
import io.lambdaguardrails.rules.iam.StaleExecutionRole;
import io.lambdaguardrails.rules.iam.UnusedServicePermissions;
import io.lambdaguardrails.rules.org.NoCodeSigningGuardrail;
import io.lambdaguardrails.rules.org.NoUrlAuthGuardrail;
import io.lambdaguardrails.rules.org.NoVpcGuardrail;

import java.util.List;
import java.util.Optional;

/** The explicit list of every rule the product ships, in id order. Reviewable, and needs no classpath scanning. */
public final class RuleCatalogue {

    private static final List<Rule> RULES = List.of(
            // Access: resource policies, function URLs, layers
            new PublicInvokePolicy(),
            new UnauthenticatedFunctionUrl(),
            new PermissiveUrlCors(),
            new ForeignAccountAccess(),
            new UnscopedServicePrincipal(),
            new NonInvokeGrant(),
            new ForeignLayer(),
            // Execution role
            new SharedExecutionRole(),
            new AdministratorRole(),
            new ServiceWildcardGrant(),
            new PrivilegeEscalation(),
            new MissingPermissionsBoundary(),
            new StaleExecutionRole(),
            new ExtraTrustedPrincipal(),
            new UnusedServicePermissions(),
            new MissingRequiredTags(),
            // Organisation guardrails (SCPs)
            new NoUrlAuthGuardrail(),
            new NoVpcGuardrail(),
            new NoCodeSigningGuardrail());

    private RuleCatalogue() {
    }

    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> byId(String id) {
        return RULES.stream().filter(r -> r.meta().id().equalsIgnoreCase(id)).findFirst();
    }
}
